import { FileExcelOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOf } from './import-flow';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sizeLabel(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A drop zone over a plain file input (the input keeps `data-testid="import-file"` for tests). */
export function FileDrop({
  file,
  onFile,
  onReject,
  disabled,
}: {
  file: File | null;
  onFile: (file: File) => void;
  onReject: (reason: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const accept = (picked: File | undefined) => {
    if (!picked) return;
    if (!formatOf(picked) || picked.size > MAX_BYTES) onReject(t('import.unsupported'));
    else onFile(picked);
    if (input.current) input.current.value = '';
  };

  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setDragging(false);
    if (!disabled) accept(e.dataTransfer.files[0]);
  };

  const hidden = (
    <input
      ref={input}
      type="file"
      accept={ACCEPT}
      style={{ display: 'none' }}
      disabled={disabled}
      onChange={(e) => accept(e.target.files?.[0])}
      data-testid="import-file"
    />
  );

  if (file) {
    const Icon = formatOf(file) === 'xlsx' ? FileExcelOutlined : FileTextOutlined;
    return (
      <Flex
        align="center"
        justify="space-between"
        gap={12}
        className="drop-zone"
        style={{ cursor: 'default', flexDirection: 'row' }}
      >
        <Flex align="center" gap={12} style={{ minWidth: 0 }}>
          <Icon style={{ fontSize: 28, color: '#1f5eff' }} />
          <div style={{ minWidth: 0, textAlign: 'start' }}>
            <Typography.Text strong ellipsis data-testid="import-file-name">
              {file.name}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{sizeLabel(file.size)}</Typography.Text>
            </div>
          </div>
        </Flex>
        {hidden}
        <Button disabled={disabled} onClick={() => input.current?.click()}>
          {t('import.chooseAnother')}
        </Button>
      </Flex>
    );
  }

  return (
    <label
      className={`drop-zone${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        style={{ display: 'none' }}
        disabled={disabled}
        onChange={(e) => accept(e.target.files?.[0])}
        data-testid="import-file"
      />
      <InboxOutlined style={{ fontSize: 40, color: '#1f5eff' }} />
      <Typography.Text strong>{t('import.dropTitle')}</Typography.Text>
      <Typography.Text type="secondary">{t('import.dropHint')}</Typography.Text>
    </label>
  );
}
