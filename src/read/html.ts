import { InputError } from '../errors.js';
import type { ReadDocument } from './types.js';

export async function readHtml(_bytes: Uint8Array, name: string): Promise<ReadDocument> {
  throw new InputError(name, '.html input is not supported yet');
}
