import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { type CSSProperties, useEffect, useRef, useState } from 'react';

interface SearchInputProps {
  /** The applied search (e.g. from the URL); the box follows it when it changes elsewhere. */
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
  style?: CSSProperties;
  /** Ends up on the <input> element itself. */
  'data-testid'?: string;
  debounceMs?: number;
}

/** Search box that applies what is typed after a short pause, at once on Enter or clear. */
export function SearchInput({
  value,
  onSearch,
  placeholder,
  style,
  debounceMs = 350,
  ...rest
}: SearchInputProps) {
  const [text, setText] = useState(value);
  const latest = useRef(onSearch);
  latest.current = onSearch;

  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => latest.current(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text, value, debounceMs]);

  return (
    <Input
      allowClear
      prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
      value={text}
      placeholder={placeholder}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value) onSearch('');
      }}
      onPressEnter={() => onSearch(text)}
      style={style}
      data-testid={rest['data-testid']}
    />
  );
}
