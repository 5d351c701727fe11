/**
 * Workers forbid code generation (`new Function`), which zod's JIT uses. This module must be
 * the first import of the Workers entry, so it runs before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
