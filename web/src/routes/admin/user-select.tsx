import { Select } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { useUserPage } from '../../api/org';

/** A user picker that searches the server as you type. */
export function UserSelect({
  value,
  onChange,
  placeholder,
  style,
}: {
  value?: string;
  onChange: (id: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
}) {
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const users = useUserPage({ limit: 20, ...(q ? { q } : {}) });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(id) => onChange(id ?? undefined)}
      placeholder={placeholder}
      loading={users.isFetching}
      style={style}
      options={(users.data?.items ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName} (${u.username})`,
      }))}
    />
  );
}
