import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested, validate } from 'class-validator';
import { rememberValidationRules } from './validation-metadata-cache.js';

class Address {
  @IsString()
  street!: unknown;
}

class Person {
  @IsString()
  name!: unknown;

  @ValidateNested()
  @Type(() => Address)
  address!: unknown;

  age: unknown;
}

class Employee extends Person {
  @IsInt()
  badge!: unknown;
}

const failing = async (value: object) =>
  (await validate(value)).flatMap((e) => [e.property, ...(e.children ?? []).map((c) => `${e.property}.${c.property}`)]);

const employee = (fields: Record<string, unknown>) => Object.assign(new Employee(), fields);

describe('remembered validation rules', () => {
  it('give the same answers as looking the rules up each time, inherited and nested ones included', async () => {
    const bad = () => employee({ name: 1, badge: 'x', address: Object.assign(new Address(), { street: 2 }) });
    const before = await failing(bad());
    rememberValidationRules();
    expect(await failing(bad())).toEqual(before);
    expect(before.sort()).toEqual(['address', 'address.street', 'badge', 'name']);
    expect(await failing(employee({ name: 'Ada', badge: 7, address: Object.assign(new Address(), { street: 'Main' }) }))).toEqual([]);
  });

  it('apply a rule registered after the class was first validated', async () => {
    rememberValidationRules();
    const person = () => Object.assign(new Person(), { name: 'Ada', age: 'old', address: Object.assign(new Address(), { street: 'Main' }) });
    expect(await failing(person())).toEqual([]);
    IsInt()(Person.prototype, 'age');
    expect(await failing(person())).toEqual(['age']);
    expect(await failing(employee({ name: 'Ada', age: 'old', badge: 7, address: Object.assign(new Address(), { street: 'Main' }) }))).toEqual(['age']);
  });
});
