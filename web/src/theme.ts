import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5eff',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f4f6fa',
  },
  components: {
    Layout: { siderBg: '#0f1b33', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px' },
    Menu: { darkItemBg: '#0f1b33', darkSubMenuItemBg: '#0b152a', darkItemSelectedBg: '#1f5eff' },
    Card: { headerFontSize: 15 },
  },
};
