/** 简体中文：账卡物核对（台账 = 库存余额 = 最近一次盘点）。 */
export const zhCNStockAudit = {
  stockAudit: {
    menu: '账卡物核对',
    title: '账卡物核对',
    subtitle:
      '由流水台账重建每个库存余额，核对订单预留，并与每个库位最近一次过账的盘点对比；列出每一处差异。',
    allWarehouses: '全部仓库',
    run: '开始核对',
    ok: '账、卡、物一致',
    notOk: '发现 {{count}} 处差异',
    movements: '流水',
    balances: '余额',
    counted: '已盘点的库位商品',
    duration: '耗时',
    kind: { balance: '余额 ≠ 台账', reservation: '预留 ≠ 订单', count: '台账 ≠ 盘点' },
    col: {
      kind: '差异类型',
      sku: '商品',
      warehouse: '仓库',
      bin: '库位',
      lot: '批次',
      status: '状态',
      ledger: '台账',
      book: '卡面 / 盘点',
      detail: '说明',
    },
    countDetail:
      '盘点 {{number}}：实盘 {{counted}}，账面 {{book}}（当时台账 {{atCount}}），已过账差异 {{variance}}',
    reservedDetail: '台账预留 {{ledger}}，余额预留 {{balance}}',
    empty: '点击“开始核对”。',
  },
};
