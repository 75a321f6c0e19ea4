import { useMe } from '../../lib/auth-context';
import { GenericHome } from './generic-home';
import { ItHome } from './it-home';
import { LogisticsHome } from './logistics-home';
import { MerchantHome } from './merchant-home';
import { QualityHome } from './quality-home';
import { ServiceHome } from './service-home';
import { TransportHome } from './transport-home';
import { WarehouseHome } from './warehouse-home';

const BY_DEPARTMENT = {
  logistics: LogisticsHome,
  warehouse: WarehouseHome,
  transport: TransportHome,
  service: ServiceHome,
  it: ItHome,
  quality: QualityHome,
} as const;

const isDepartment = (code: string | undefined): code is keyof typeof BY_DEPARTMENT =>
  Boolean(code && code in BY_DEPARTMENT);

/** `/`: the home page of the user's department; merchant users get the merchant portal home. */
export function HomePage() {
  const me = useMe();
  if (me.merchant) return <MerchantHome />;
  const code = me.department?.code;
  if (isDepartment(code)) {
    const Home = BY_DEPARTMENT[code];
    return <Home />;
  }
  return <GenericHome />;
}
