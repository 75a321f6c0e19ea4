import { validate as uuidValidate, version as uuidVersion, v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDv7: sorts by creation time, so cursors and indexes stay cheap. */
export const newId = (): string => uuidv7();

export const isUuid = (value: string): boolean => uuidValidate(value) && uuidVersion(value) >= 1;
