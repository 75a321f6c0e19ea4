import { BarcodeOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';

export interface ScanInputHandle {
  focus(): void;
}

/**
 * A focused input for a keyboard-wedge scanner: the scanner types the code and sends Enter; the
 * code goes to `onScan` and the box clears for the next scan. Typing by hand works the same way.
 */
export const ScanInput = forwardRef<
  ScanInputHandle,
  {
    onScan: (code: string) => void;
    placeholder: string;
    disabled?: boolean;
    autoFocus?: boolean;
    testId?: string;
  }
>(function ScanInput({ onScan, placeholder, disabled, autoFocus = true, testId }, ref) {
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState('');
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);
  return (
    <Input
      ref={input}
      size="large"
      prefix={<BarcodeOutlined />}
      value={value}
      disabled={disabled}
      autoFocus={autoFocus}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      data-testid={testId}
      className="mono"
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={() => {
        const code = value.trim();
        setValue('');
        if (code) onScan(code);
      }}
    />
  );
});
