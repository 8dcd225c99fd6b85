import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`login_failures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`ip\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`login_failures_key_idx\` ON \`login_failures\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`login_failures_updated_at_idx\` ON \`login_failures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`login_failures_created_at_idx\` ON \`login_failures\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`notices_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`notices_rels_users_id_idx\` ON \`notices_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`_notices_v_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_users_id_idx\` ON \`_notices_v_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`free_clinic_events_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_rels_users_id_idx\` ON \`free_clinic_events_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`_free_clinic_events_v_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_rels_users_id_idx\` ON \`_free_clinic_events_v_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`promo_videos_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`promo_videos_rels_users_id_idx\` ON \`promo_videos_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`_promo_videos_v_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_rels_users_id_idx\` ON \`_promo_videos_v_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`brochures_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`brochures_rels_users_id_idx\` ON \`brochures_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`_brochures_v_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_rels_users_id_idx\` ON \`_brochures_v_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`login_failures_id\` integer REFERENCES login_failures(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_login_failures_id_idx\` ON \`payload_locked_documents_rels\` (\`login_failures_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`reset_password_requested_at\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`login_failures\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_notices_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_notices_rels\`("id", "order", "parent_id", "path", "departments_id") SELECT "id", "order", "parent_id", "path", "departments_id" FROM \`notices_rels\`;`)
  await db.run(sql`DROP TABLE \`notices_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_notices_rels\` RENAME TO \`notices_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`notices_rels_order_idx\` ON \`notices_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`notices_rels_parent_idx\` ON \`notices_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_rels_path_idx\` ON \`notices_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`notices_rels_departments_id_idx\` ON \`notices_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__notices_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_notices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__notices_v_rels\`("id", "order", "parent_id", "path", "departments_id") SELECT "id", "order", "parent_id", "path", "departments_id" FROM \`_notices_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_notices_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__notices_v_rels\` RENAME TO \`_notices_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_order_idx\` ON \`_notices_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_parent_idx\` ON \`_notices_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_path_idx\` ON \`_notices_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_departments_id_idx\` ON \`_notices_v_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_free_clinic_events_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`free_clinic_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_free_clinic_events_rels\`("id", "order", "parent_id", "path", "departments_id") SELECT "id", "order", "parent_id", "path", "departments_id" FROM \`free_clinic_events_rels\`;`)
  await db.run(sql`DROP TABLE \`free_clinic_events_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_free_clinic_events_rels\` RENAME TO \`free_clinic_events_rels\`;`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_rels_order_idx\` ON \`free_clinic_events_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_rels_parent_idx\` ON \`free_clinic_events_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_rels_path_idx\` ON \`free_clinic_events_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_rels_departments_id_idx\` ON \`free_clinic_events_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__free_clinic_events_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_free_clinic_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__free_clinic_events_v_rels\`("id", "order", "parent_id", "path", "departments_id") SELECT "id", "order", "parent_id", "path", "departments_id" FROM \`_free_clinic_events_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_free_clinic_events_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__free_clinic_events_v_rels\` RENAME TO \`_free_clinic_events_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_rels_order_idx\` ON \`_free_clinic_events_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_rels_parent_idx\` ON \`_free_clinic_events_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_rels_path_idx\` ON \`_free_clinic_events_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_rels_departments_id_idx\` ON \`_free_clinic_events_v_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_promo_videos_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`promo_videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_promo_videos_rels\`("id", "order", "parent_id", "path", "departments_id") SELECT "id", "order", "parent_id", "path", "departments_id" FROM \`promo_videos_rels\`;`)
  await db.run(sql`DROP TABLE \`promo_videos_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_promo_videos_rels\` RENAME TO \`promo_videos_rels\`;`)
  await db.run(sql`CREATE INDEX \`promo_videos_rels_order_idx\` ON \`promo_videos_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_rels_parent_idx\` ON \`promo_videos_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_rels_path_idx\` ON \`promo_videos_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_rels_departments_id_idx\` ON \`promo_videos_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__promo_videos_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_promo_videos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__promo_videos_v_rels\`("id", "order", "parent_id", "path", "departments_id") SELECT "id", "order", "parent_id", "path", "departments_id" FROM \`_promo_videos_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_promo_videos_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__promo_videos_v_rels\` RENAME TO \`_promo_videos_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_rels_order_idx\` ON \`_promo_videos_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_rels_parent_idx\` ON \`_promo_videos_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_rels_path_idx\` ON \`_promo_videos_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_rels_departments_id_idx\` ON \`_promo_videos_v_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_brochures_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`brochures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_brochures_rels\`("id", "order", "parent_id", "path", "departments_id") SELECT "id", "order", "parent_id", "path", "departments_id" FROM \`brochures_rels\`;`)
  await db.run(sql`DROP TABLE \`brochures_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_brochures_rels\` RENAME TO \`brochures_rels\`;`)
  await db.run(sql`CREATE INDEX \`brochures_rels_order_idx\` ON \`brochures_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`brochures_rels_parent_idx\` ON \`brochures_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`brochures_rels_path_idx\` ON \`brochures_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`brochures_rels_departments_id_idx\` ON \`brochures_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__brochures_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_brochures_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__brochures_v_rels\`("id", "order", "parent_id", "path", "departments_id") SELECT "id", "order", "parent_id", "path", "departments_id" FROM \`_brochures_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_brochures_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__brochures_v_rels\` RENAME TO \`_brochures_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_brochures_v_rels_order_idx\` ON \`_brochures_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_rels_parent_idx\` ON \`_brochures_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_rels_path_idx\` ON \`_brochures_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_rels_departments_id_idx\` ON \`_brochures_v_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`notices_id\` integer,
  	\`free_clinic_events_id\` integer,
  	\`promo_videos_id\` integer,
  	\`brochures_id\` integer,
  	\`media_id\` integer,
  	\`video_transcodes_id\` integer,
  	\`users_id\` integer,
  	\`departments_id\` integer,
  	\`app_clients_id\` integer,
  	\`schedule_claims_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notices_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`free_clinic_events_id\`) REFERENCES \`free_clinic_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`promo_videos_id\`) REFERENCES \`promo_videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`brochures_id\`) REFERENCES \`brochures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`video_transcodes_id\`) REFERENCES \`video_transcodes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`app_clients_id\`) REFERENCES \`app_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`schedule_claims_id\`) REFERENCES \`schedule_claims\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "notices_id", "free_clinic_events_id", "promo_videos_id", "brochures_id", "media_id", "video_transcodes_id", "users_id", "departments_id", "app_clients_id", "schedule_claims_id") SELECT "id", "order", "parent_id", "path", "notices_id", "free_clinic_events_id", "promo_videos_id", "brochures_id", "media_id", "video_transcodes_id", "users_id", "departments_id", "app_clients_id", "schedule_claims_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_free_clinic_events_id_idx\` ON \`payload_locked_documents_rels\` (\`free_clinic_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_promo_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`promo_videos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_brochures_id_idx\` ON \`payload_locked_documents_rels\` (\`brochures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_video_transcodes_id_idx\` ON \`payload_locked_documents_rels\` (\`video_transcodes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_departments_id_idx\` ON \`payload_locked_documents_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_app_clients_id_idx\` ON \`payload_locked_documents_rels\` (\`app_clients_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_schedule_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`schedule_claims_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`reset_password_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
}
