// given(events).when(command).then(events | error): the shape of every domain rule's spec (DESIGN section 9).
import { expect } from '@jest/globals';
import type { Decider, DomainEvent } from '../../shared-kernel/src/decider.js';
import { DomainError } from '../../shared-kernel/src/domain-error.js';

export function specFor<Command, State, Event extends DomainEvent>(decider: Decider<Command, State, Event>) {
  return {
    given(history: Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: string, kind?: DomainError['kind']): DomainError {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              const domainError = caught as DomainError;
              expect(domainError.code).toBe(code);
              if (kind) expect(domainError.kind).toBe(kind);
              return domainError;
            },
          };
        },
      };
    },
  };
}
