import { InputError } from '../errors.js';
import type { ReadDocument } from './types.js';

export async function readDoc(_bytes: Uint8Array, name: string): Promise<ReadDocument> {
  throw new InputError(name, '.doc input is not supported yet');
}
