// What the audit trail can say: each entity type it names, what is done to it, and who acts
// outside a request (the CLI, the demo, a scheduled job). The platform's own are here; each
// module declares its own in modules/<module>/<module>.audit.ts (and the demo in
// demo/demo.audit.ts), `as const satisfies AuditCatalogue`, and adds them by declaring
// AuditCatalogues again (declaration merging), as error codes do. recordChange takes only a
// declared entity with one of its declared actions, and systemActor only a declared name, so
// the console's translations (typed by AuditEntity, AuditAction and SystemActorName) cannot
// miss one: a code without its zh-CN and en label fails to compile.
export type AuditCatalogue = {
  entities: Readonly<Record<string, readonly string[]>>;
  systemActors?: readonly string[];
};

export const platformAudit = {
  entities: {
    session: ['sign_in', 'sign_out', 'revoke'],
    user: ['change_password'],
  },
  // `bench` writes the benchmarks' own databases (bench/).
  systemActors: ['system', 'bench'],
} as const satisfies AuditCatalogue;

export interface AuditCatalogues {
  platform: typeof platformAudit;
}

type ChangesOf<Catalogue> = Catalogue extends { entities: infer Entities }
  ? {
      [Entity in keyof Entities & string]: {
        entity: Entity;
        action: Entities[Entity] extends readonly (infer Action)[] ? Action : never;
      };
    }[keyof Entities & string]
  : never;

// Every (entity, action) pair some catalogue declares.
export type AuditedChange = {
  [Part in keyof AuditCatalogues]: ChangesOf<AuditCatalogues[Part]>;
}[keyof AuditCatalogues];
export type AuditEntity = AuditedChange['entity'];
export type AuditAction = AuditedChange['action'];

export type SystemActorName = {
  [Part in keyof AuditCatalogues]: AuditCatalogues[Part] extends { systemActors: readonly (infer Name)[] }
    ? Name
    : never;
}[keyof AuditCatalogues];
