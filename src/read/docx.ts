import { InputError } from '../errors.js';
import type { ReadDocument } from './types.js';

export async function readDocx(_bytes: Uint8Array, name: string): Promise<ReadDocument> {
  throw new InputError(name, '.docx input is not supported yet');
}
