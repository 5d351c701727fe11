import { describe, expect, it } from 'vitest';
import { TemplateRenderError } from '../../../src/core/template/errors';
import { render, renderError } from '../../helpers/template';

describe('required: strict access', () => {
  it('passes a present value through, in any position', () => {
    const context = { body: { name: 'x', zero: 0, no: false } };
    expect(render('{{required body.name}}', context)).toBe('x');
    expect(render('{{json (required body.zero)}}', context)).toBe('0');
    expect(render('{{json (required body.no)}}', context)).toBe('false');
    expect(render('{{upper (required body.name)}}', context)).toBe('X');
  });

  it.each([
    ['missing', '{"id": "{{required body.repository.full_name}}"}', {}],
    ['null', '{"id": "{{required body.repository.full_name}}"}', { body: { repository: { full_name: null } } }],
    ['empty', '{"id": "{{required body.repository.full_name}}"}', { body: { repository: { full_name: '' } } }],
  ])('fails for a %s value, naming the path and its line', (_kind, template, context) => {
    const error = renderError(template, context);
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error.message).toBe('required: body.repository.full_name (line 1) is missing');
  });

  it('names the line of a nested use', () => {
    expect(renderError('{\n  "a": "x",\n  "b": "{{lower (required body.b)}}"\n}').message).toBe(
      'required: body.b (line 3) is missing',
    );
  });
});
