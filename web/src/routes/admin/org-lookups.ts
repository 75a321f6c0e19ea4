import { useMemo } from 'react';
import { useBranches, useDepartments, useMerchants, useRoles, useWarehouses } from '../../api/org';
import type { Branch, Department, Merchant, Role, Warehouse } from '../../api/types';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';

const byId = <T extends { id: string }>(items: T[] | undefined) =>
  new Map((items ?? []).map((i) => [i.id, i]));

/** Reference data the user admin pages need, plus id → item maps for display. */
export function useOrgLookups() {
  const can = useCan();
  const departments = useDepartments();
  const branches = useBranches();
  const merchants = useMerchants();
  const roles = useRoles();
  const warehouses = useWarehouses(can([PERM.warehouseRead, PERM.userWrite]));
  return useMemo(
    () => ({
      departments: departments.data ?? ([] as Department[]),
      branches: branches.data ?? ([] as Branch[]),
      merchants: merchants.data ?? ([] as Merchant[]),
      roles: roles.data ?? ([] as Role[]),
      warehouses: warehouses.data ?? ([] as Warehouse[]),
      departmentById: byId(departments.data),
      branchById: byId(branches.data),
      merchantById: byId(merchants.data),
      warehouseById: byId(warehouses.data),
      roleByCode: new Map((roles.data ?? []).map((r) => [r.code, r])),
      loading: departments.isPending || branches.isPending || roles.isPending,
    }),
    [
      departments.data,
      branches.data,
      merchants.data,
      roles.data,
      warehouses.data,
      departments.isPending,
      branches.isPending,
      roles.isPending,
    ],
  );
}

export type OrgLookups = ReturnType<typeof useOrgLookups>;
