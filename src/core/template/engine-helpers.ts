/** The helpers both renderers run: the template helpers plus the output and section hooks. */
import { blockHelperMissing, type Helper } from './builtins';
import { HELPERS } from './helpers';
import { OUT_HELPER, RAW_HELPER } from './transform';
import { outputEscaped, outputRaw } from './values';

export const ENGINE_HELPERS: Readonly<Record<string, Helper>> = {
  ...HELPERS,
  [OUT_HELPER]: outputEscaped,
  [RAW_HELPER]: outputRaw,
  blockHelperMissing,
};
