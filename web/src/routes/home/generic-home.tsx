import { useTranslation } from 'react-i18next';
import { NAVIGATION } from '../../components/app-menu';
import { CatalogOverview } from './catalog-overview';
import { HomeHero } from './home-hero';
import { type QuickAction, QuickActions } from './quick-actions';

/** Users without a department (e.g. a head-office administrator): every page they may open. */
export function GenericHome() {
  const { t } = useTranslation();
  const actions: QuickAction[] = NAVIGATION.flatMap((entry) =>
    'children' in entry ? entry.children : [],
  ).map((leaf) => ({ to: leaf.path, icon: leaf.icon, label: t(`menu.${leaf.label}`), perm: leaf.perm }));
  return (
    <>
      <HomeHero title={t('home.generic.title')} subtitle={t('home.generic.subtitle')} />
      <QuickActions actions={actions} />
      <CatalogOverview chart="pie" />
    </>
  );
}
