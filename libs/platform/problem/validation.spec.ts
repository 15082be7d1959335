import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors, validationProblem } from './validation.js';

const leaf = (property: string, constraints: Record<string, string>): ValidationError => ({ property, constraints, children: [] });
const node = (property: string, children: ValidationError[]): ValidationError => ({ property, children });

describe('validation problems', () => {
  it('flattens nested errors to dot paths, one entry per failing constraint', () => {
    const errors = [
      leaf('title', { isNotEmpty: 'title should not be empty' }),
      node('investment', [
        node('developmentCost', [
          leaf('amountMinor', { isInt: 'amountMinor must be an integer number', min: 'amountMinor must not be less than 0' }),
        ]),
      ]),
      node('owners', [node('1', [leaf('email', { isEmail: 'email must be an email' })])]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'title', reason: 'title should not be empty' },
      { field: 'investment.developmentCost.amountMinor', reason: 'amountMinor must be an integer number' },
      { field: 'investment.developmentCost.amountMinor', reason: 'amountMinor must not be less than 0' },
      { field: 'owners.1.email', reason: 'email must be an email' },
    ]);
  });

  it('caps the number of reported errors', () => {
    const many = Array.from({ length: 500 }, (_, i) => leaf(`f${i}`, { isInt: `f${i} must be an integer` }));
    expect(flattenValidationErrors(many)).toHaveLength(100);
  });

  it('builds a 400 problem naming the fields', () => {
    const problem = validationProblem([leaf('a', { x: 'a is bad' }), leaf('b', { y: 'b is bad' })]).problem;
    expect(problem).toMatchObject({ status: 400, title: 'Validation failed', detail: 'The request has 2 invalid fields: a, b.' });
    expect(problem.errors).toHaveLength(2);
  });
});
