import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from './client';
import type { CatalogStats, Job, Sku, SkuCreate, SkuPage, SkuPatch, SkuQuery } from './types';

export type FileFormat = 'csv' | 'xlsx';

export const FILE_CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function useCatalogStats(enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'stats'],
    queryFn: (): Promise<CatalogStats> => unwrap(api.GET('/api/catalog/stats')),
    enabled,
  });
}

export function useSkuPage(query: SkuQuery) {
  return useQuery({
    queryKey: ['catalog', 'skus', query],
    queryFn: (): Promise<SkuPage> => unwrap(api.GET('/api/catalog/skus', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useSku(id: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'sku', id],
    queryFn: (): Promise<Sku> => unwrap(api.GET('/api/catalog/skus/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useCreateSku() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SkuCreate): Promise<Sku> => unwrap(api.POST('/api/catalog/skus', { body })),
    onSuccess: (sku) => {
      client.setQueryData(['catalog', 'sku', sku.id], sku);
      void client.invalidateQueries({ queryKey: ['catalog', 'skus'] });
      void client.invalidateQueries({ queryKey: ['catalog', 'stats'] });
    },
  });
}

export function useUpdateSku(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SkuPatch): Promise<Sku> =>
      unwrap(api.PATCH('/api/catalog/skus/{id}', { params: { path: { id } }, body })),
    onSuccess: (sku) => {
      client.setQueryData(['catalog', 'sku', sku.id], sku);
      void client.invalidateQueries({ queryKey: ['catalog', 'skus'] });
      void client.invalidateQueries({ queryKey: ['catalog', 'stats'] });
    },
  });
}

export interface ImportRequest {
  file: File;
  format: FileFormat;
  mode: 'validate' | 'commit';
  skipInvalid: boolean;
}

/** Upload the file as the raw request body; the server answers 202 with the job it queued. */
export async function startCatalogImport({ file, format, mode, skipInvalid }: ImportRequest): Promise<Job> {
  const query = new URLSearchParams({ format, mode, skipInvalid: String(skipInvalid) });
  const response = await rawFetch(`/api/catalog/imports?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': FILE_CONTENT_TYPES[format] },
    body: file,
  });
  return (await response.json()) as Job;
}

export const catalogTemplateUrl = (format: FileFormat) => `/api/catalog/template?format=${format}`;
export const catalogExportUrl = (format: FileFormat) => `/api/catalog/export?format=${format}`;
