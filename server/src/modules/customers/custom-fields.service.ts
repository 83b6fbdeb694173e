import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type CustomFieldKind, checkCustomFieldDefinition, removedOptions } from './custom-field.rules.ts';
import {
  countCustomersHoldingOption,
  findCustomerField,
  findCustomerFields,
  findFieldClash,
  insertCustomerField,
  nextFieldPosition,
  updateCustomerField,
} from './custom-fields.repository.ts';

export function listCustomerFields(context: AppContext, actor: Actor) {
  return findCustomerFields(context.db, actor.tenantId);
}

export async function createCustomerField(
  context: AppContext,
  actor: Actor,
  input: { key: string; label: string; kind: CustomFieldKind; options?: string[]; required?: boolean },
) {
  const definition = checkCustomFieldDefinition({ ...input, options: input.options ?? [] });
  const now = context.now();
  return context.db.transaction(async (tx) => {
    await refuseClashes(tx, actor.tenantId, definition.key, definition.label);
    const created = await insertCustomerField(tx, {
      tenantId: actor.tenantId,
      ...definition,
      required: input.required ?? false,
      position: await nextFieldPosition(tx, actor.tenantId),
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'create', entity: 'customer_field', entityId: created.id, after: created },
      now,
    );
    return created;
  });
}

export async function editCustomerField(
  context: AppContext,
  actor: Actor,
  id: number,
  changes: { label?: string; options?: string[]; required?: boolean; position?: number; active?: boolean },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const before = await findCustomerField(tx, actor.tenantId, id);
    if (!before) throw new DomainError('NOT_FOUND');
    const definition = checkCustomFieldDefinition({
      key: before.key,
      kind: before.kind,
      label: changes.label ?? before.label,
      options: changes.options ?? before.options,
    });
    if (definition.label !== before.label) await refuseClashes(tx, actor.tenantId, undefined, definition.label);
    for (const option of removedOptions(before.options, definition.options)) {
      const holders = await countCustomersHoldingOption(tx, actor.tenantId, before, option);
      if (holders > 0) throw new DomainError('CUSTOM_FIELD_OPTION_IN_USE', { option, count: holders }, 'options');
    }
    const after = await updateCustomerField(tx, actor.tenantId, id, {
      label: definition.label,
      options: definition.options,
      ...(changes.required !== undefined ? { required: changes.required } : {}),
      ...(changes.position !== undefined ? { position: changes.position } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      updatedAt: now,
    });
    await recordChange(tx, actor, { action: 'update', entity: 'customer_field', entityId: id, before, after }, now);
    return after;
  });
}

async function refuseClashes(
  executor: Parameters<typeof findFieldClash>[0],
  tenantId: number,
  key: string | undefined,
  label: string,
) {
  for (const clash of await findFieldClash(executor, tenantId, key, label)) {
    if (key !== undefined && clash.key === key) throw new DomainError('CUSTOM_FIELD_KEY_TAKEN', { key }, 'key');
    if (clash.label === label) throw new DomainError('CUSTOM_FIELD_LABEL_TAKEN', { label }, 'label');
  }
}
