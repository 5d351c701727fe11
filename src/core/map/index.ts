/** The mapping kinds, by name: each is a sibling file implementing `Mapper`. */
import type { Mapping } from '../../schemas/mapping';
import { cloudEventsMapper } from './cloudevents';
import { staticMapper } from './static';
import { templateMapper } from './template';
import type { MapInput, Mapper, MapperDeps, MapResult } from './types';

const MAPPERS: { [K in Mapping['kind']]: Mapper<Extract<Mapping, { kind: K }>> } = {
  static: staticMapper,
  template: templateMapper,
  cloudevents: cloudEventsMapper,
};

function mapperFor<M extends Mapping>(mapping: M): Mapper<M> {
  return MAPPERS[mapping.kind] as unknown as Mapper<M>;
}

/** Save-time check of a mapping; throws when it cannot work. */
export function checkMapping(mapping: Mapping, deps: MapperDeps): void {
  mapperFor(mapping).check(mapping, deps);
}

export function mapRequest(mapping: Mapping, input: MapInput, deps: MapperDeps): MapResult {
  return mapperFor(mapping).map(mapping, input, deps);
}

export type { MapInput, MapperDeps, MapResult } from './types';
