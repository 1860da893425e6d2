import { InputError } from '../errors.js';
import type { ReadDocument } from './types.js';

export async function readPdf(_bytes: Uint8Array, name: string): Promise<ReadDocument> {
  throw new InputError(name, '.pdf input is not supported yet');
}
