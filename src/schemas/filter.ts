/**
 * STUB — to be replaced: Prefect's EventFilter and count-by request schemas.
 */
import { z } from 'zod';

export const EventFilter = z.object({}).passthrough();
export type EventFilter = z.infer<typeof EventFilter>;

export const CountRequest = z.object({}).passthrough();
export type CountRequest = z.infer<typeof CountRequest>;

export interface EventCount {
  value: string;
  label: string;
  count: number;
  start_time: string;
  end_time: string;
}
