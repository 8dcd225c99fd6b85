import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`notices_platforms\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_platforms_order_idx\` ON \`notices_platforms\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`notices_platforms_parent_idx\` ON \`notices_platforms\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`notices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`summary\` text,
  	\`audience\` text DEFAULT 'patient',
  	\`placement\` text DEFAULT 'list',
  	\`kind\` text DEFAULT 'general',
  	\`body\` text,
  	\`image_id\` integer,
  	\`link\` text,
  	\`priority\` numeric DEFAULT 50,
  	\`pinned\` integer DEFAULT false,
  	\`popup_frequency\` text DEFAULT 'once',
  	\`min_app_version\` text,
  	\`source_event_id\` integer,
  	\`publish_at\` text,
  	\`publishat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`expire_at\` text,
  	\`expireat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`workflow_state\` text DEFAULT 'draft',
  	\`created_by_id\` integer,
  	\`last_edited_by_id\` integer,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`decided_by_id\` integer,
  	\`decided_at\` text,
  	\`decision_comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_event_id\`) REFERENCES \`free_clinic_events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_audience_idx\` ON \`notices\` (\`audience\`);`)
  await db.run(sql`CREATE INDEX \`notices_placement_idx\` ON \`notices\` (\`placement\`);`)
  await db.run(sql`CREATE INDEX \`notices_kind_idx\` ON \`notices\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`notices_image_idx\` ON \`notices\` (\`image_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_source_event_idx\` ON \`notices\` (\`source_event_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_publish_at_idx\` ON \`notices\` (\`publish_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_expire_at_idx\` ON \`notices\` (\`expire_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_workflow_state_idx\` ON \`notices\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`notices_created_by_idx\` ON \`notices\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_last_edited_by_idx\` ON \`notices\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_submitted_by_idx\` ON \`notices\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_decided_by_idx\` ON \`notices\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_updated_at_idx\` ON \`notices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_created_at_idx\` ON \`notices\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`notices__status_idx\` ON \`notices\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`notices_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_rels_order_idx\` ON \`notices_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`notices_rels_parent_idx\` ON \`notices_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_rels_path_idx\` ON \`notices_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`notices_rels_departments_id_idx\` ON \`notices_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`_notices_v_version_platforms\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_notices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_notices_v_version_platforms_order_idx\` ON \`_notices_v_version_platforms\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_platforms_parent_idx\` ON \`_notices_v_version_platforms\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_notices_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_audience\` text DEFAULT 'patient',
  	\`version_placement\` text DEFAULT 'list',
  	\`version_kind\` text DEFAULT 'general',
  	\`version_body\` text,
  	\`version_image_id\` integer,
  	\`version_link\` text,
  	\`version_priority\` numeric DEFAULT 50,
  	\`version_pinned\` integer DEFAULT false,
  	\`version_popup_frequency\` text DEFAULT 'once',
  	\`version_min_app_version\` text,
  	\`version_source_event_id\` integer,
  	\`version_publish_at\` text,
  	\`version_publishat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_expire_at\` text,
  	\`version_expireat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_created_by_id\` integer,
  	\`version_last_edited_by_id\` integer,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_decided_by_id\` integer,
  	\`version_decided_at\` text,
  	\`version_decision_comment\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_event_id\`) REFERENCES \`free_clinic_events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_notices_v_parent_idx\` ON \`_notices_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_audience_idx\` ON \`_notices_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_placement_idx\` ON \`_notices_v\` (\`version_placement\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_kind_idx\` ON \`_notices_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_image_idx\` ON \`_notices_v\` (\`version_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_source_event_idx\` ON \`_notices_v\` (\`version_source_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_publish_at_idx\` ON \`_notices_v\` (\`version_publish_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_expire_at_idx\` ON \`_notices_v\` (\`version_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_workflow_state_idx\` ON \`_notices_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_created_by_idx\` ON \`_notices_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_last_edited_by_idx\` ON \`_notices_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_submitted_by_idx\` ON \`_notices_v\` (\`version_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_decided_by_idx\` ON \`_notices_v\` (\`version_decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_updated_at_idx\` ON \`_notices_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_created_at_idx\` ON \`_notices_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version__status_idx\` ON \`_notices_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_created_at_idx\` ON \`_notices_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_updated_at_idx\` ON \`_notices_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_latest_idx\` ON \`_notices_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_notices_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_notices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_order_idx\` ON \`_notices_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_parent_idx\` ON \`_notices_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_path_idx\` ON \`_notices_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_departments_id_idx\` ON \`_notices_v_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`free_clinic_events_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`starts_at\` text,
  	\`startsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`ends_at\` text,
  	\`endsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`quota\` numeric DEFAULT 50,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`free_clinic_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`free_clinic_events_sessions_order_idx\` ON \`free_clinic_events_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_sessions_parent_id_idx\` ON \`free_clinic_events_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`free_clinic_events_doctors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`title\` text,
  	\`department_id\` integer,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`free_clinic_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`free_clinic_events_doctors_order_idx\` ON \`free_clinic_events_doctors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_doctors_parent_id_idx\` ON \`free_clinic_events_doctors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_doctors_department_idx\` ON \`free_clinic_events_doctors\` (\`department_id\`);`)
  await db.run(sql`CREATE TABLE \`free_clinic_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`audience\` text DEFAULT 'patient',
  	\`mode\` text DEFAULT 'onsite',
  	\`address\` text,
  	\`registration_link\` text,
  	\`poster_id\` integer,
  	\`description\` text,
  	\`announce_on_homepage\` integer DEFAULT true,
  	\`publish_at\` text,
  	\`publishat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`expire_at\` text,
  	\`expireat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`workflow_state\` text DEFAULT 'draft',
  	\`created_by_id\` integer,
  	\`last_edited_by_id\` integer,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`decided_by_id\` integer,
  	\`decided_at\` text,
  	\`decision_comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`free_clinic_events_audience_idx\` ON \`free_clinic_events\` (\`audience\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_poster_idx\` ON \`free_clinic_events\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_publish_at_idx\` ON \`free_clinic_events\` (\`publish_at\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_expire_at_idx\` ON \`free_clinic_events\` (\`expire_at\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_workflow_state_idx\` ON \`free_clinic_events\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_created_by_idx\` ON \`free_clinic_events\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_last_edited_by_idx\` ON \`free_clinic_events\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_submitted_by_idx\` ON \`free_clinic_events\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_decided_by_idx\` ON \`free_clinic_events\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_updated_at_idx\` ON \`free_clinic_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_created_at_idx\` ON \`free_clinic_events\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events__status_idx\` ON \`free_clinic_events\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`free_clinic_events_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`free_clinic_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`free_clinic_events_rels_order_idx\` ON \`free_clinic_events_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_rels_parent_idx\` ON \`free_clinic_events_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_rels_path_idx\` ON \`free_clinic_events_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`free_clinic_events_rels_departments_id_idx\` ON \`free_clinic_events_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`_free_clinic_events_v_version_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`starts_at\` text,
  	\`startsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`ends_at\` text,
  	\`endsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`quota\` numeric DEFAULT 50,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_free_clinic_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_sessions_order_idx\` ON \`_free_clinic_events_v_version_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_sessions_parent_id_idx\` ON \`_free_clinic_events_v_version_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_free_clinic_events_v_version_doctors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`title\` text,
  	\`department_id\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_free_clinic_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_doctors_order_idx\` ON \`_free_clinic_events_v_version_doctors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_doctors_parent_id_idx\` ON \`_free_clinic_events_v_version_doctors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_doctors_department_idx\` ON \`_free_clinic_events_v_version_doctors\` (\`department_id\`);`)
  await db.run(sql`CREATE TABLE \`_free_clinic_events_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_audience\` text DEFAULT 'patient',
  	\`version_mode\` text DEFAULT 'onsite',
  	\`version_address\` text,
  	\`version_registration_link\` text,
  	\`version_poster_id\` integer,
  	\`version_description\` text,
  	\`version_announce_on_homepage\` integer DEFAULT true,
  	\`version_publish_at\` text,
  	\`version_publishat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_expire_at\` text,
  	\`version_expireat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_created_by_id\` integer,
  	\`version_last_edited_by_id\` integer,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_decided_by_id\` integer,
  	\`version_decided_at\` text,
  	\`version_decision_comment\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`free_clinic_events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_parent_idx\` ON \`_free_clinic_events_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_audience_idx\` ON \`_free_clinic_events_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_poster_idx\` ON \`_free_clinic_events_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_publish_at_idx\` ON \`_free_clinic_events_v\` (\`version_publish_at\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_expire_at_idx\` ON \`_free_clinic_events_v\` (\`version_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_workflow_state_idx\` ON \`_free_clinic_events_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_created_by_idx\` ON \`_free_clinic_events_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_last_edited_by_idx\` ON \`_free_clinic_events_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_submitted_by_idx\` ON \`_free_clinic_events_v\` (\`version_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_decided_by_idx\` ON \`_free_clinic_events_v\` (\`version_decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_updated_at_idx\` ON \`_free_clinic_events_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version_created_at_idx\` ON \`_free_clinic_events_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_version_version__status_idx\` ON \`_free_clinic_events_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_created_at_idx\` ON \`_free_clinic_events_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_updated_at_idx\` ON \`_free_clinic_events_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_latest_idx\` ON \`_free_clinic_events_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_free_clinic_events_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_free_clinic_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_rels_order_idx\` ON \`_free_clinic_events_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_rels_parent_idx\` ON \`_free_clinic_events_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_rels_path_idx\` ON \`_free_clinic_events_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_free_clinic_events_v_rels_departments_id_idx\` ON \`_free_clinic_events_v_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`promo_videos\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`description\` text,
  	\`audience\` text DEFAULT 'patient',
  	\`source_duration_seconds\` numeric,
  	\`source_width\` numeric,
  	\`source_height\` numeric,
  	\`publish_at\` text,
  	\`publishat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`expire_at\` text,
  	\`expireat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`workflow_state\` text DEFAULT 'draft',
  	\`created_by_id\` integer,
  	\`last_edited_by_id\` integer,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`decided_by_id\` integer,
  	\`decided_at\` text,
  	\`decision_comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`promo_videos_audience_idx\` ON \`promo_videos\` (\`audience\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_publish_at_idx\` ON \`promo_videos\` (\`publish_at\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_expire_at_idx\` ON \`promo_videos\` (\`expire_at\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_workflow_state_idx\` ON \`promo_videos\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_created_by_idx\` ON \`promo_videos\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_last_edited_by_idx\` ON \`promo_videos\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_submitted_by_idx\` ON \`promo_videos\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_decided_by_idx\` ON \`promo_videos\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_updated_at_idx\` ON \`promo_videos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_created_at_idx\` ON \`promo_videos\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos__status_idx\` ON \`promo_videos\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`promo_videos_filename_idx\` ON \`promo_videos\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`promo_videos_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`promo_videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`promo_videos_texts_order_parent\` ON \`promo_videos_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`promo_videos_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`promo_videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`promo_videos_rels_order_idx\` ON \`promo_videos_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_rels_parent_idx\` ON \`promo_videos_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_rels_path_idx\` ON \`promo_videos_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`promo_videos_rels_departments_id_idx\` ON \`promo_videos_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`_promo_videos_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_description\` text,
  	\`version_audience\` text DEFAULT 'patient',
  	\`version_source_duration_seconds\` numeric,
  	\`version_source_width\` numeric,
  	\`version_source_height\` numeric,
  	\`version_publish_at\` text,
  	\`version_publishat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_expire_at\` text,
  	\`version_expireat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_created_by_id\` integer,
  	\`version_last_edited_by_id\` integer,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_decided_by_id\` integer,
  	\`version_decided_at\` text,
  	\`version_decision_comment\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_url\` text,
  	\`version_thumbnail_u_r_l\` text,
  	\`version_filename\` text,
  	\`version_mime_type\` text,
  	\`version_filesize\` numeric,
  	\`version_width\` numeric,
  	\`version_height\` numeric,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`promo_videos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_parent_idx\` ON \`_promo_videos_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_audience_idx\` ON \`_promo_videos_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_publish_at_idx\` ON \`_promo_videos_v\` (\`version_publish_at\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_expire_at_idx\` ON \`_promo_videos_v\` (\`version_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_workflow_state_idx\` ON \`_promo_videos_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_created_by_idx\` ON \`_promo_videos_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_last_edited_by_idx\` ON \`_promo_videos_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_submitted_by_idx\` ON \`_promo_videos_v\` (\`version_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_decided_by_idx\` ON \`_promo_videos_v\` (\`version_decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_updated_at_idx\` ON \`_promo_videos_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_created_at_idx\` ON \`_promo_videos_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version__status_idx\` ON \`_promo_videos_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_version_version_filename_idx\` ON \`_promo_videos_v\` (\`version_filename\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_created_at_idx\` ON \`_promo_videos_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_updated_at_idx\` ON \`_promo_videos_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_latest_idx\` ON \`_promo_videos_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_promo_videos_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_promo_videos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_texts_order_parent\` ON \`_promo_videos_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_promo_videos_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_promo_videos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_rels_order_idx\` ON \`_promo_videos_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_rels_parent_idx\` ON \`_promo_videos_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_rels_path_idx\` ON \`_promo_videos_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_promo_videos_v_rels_departments_id_idx\` ON \`_promo_videos_v_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`brochures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`description\` text,
  	\`audience\` text DEFAULT 'patient',
  	\`page_count\` numeric,
  	\`publish_at\` text,
  	\`publishat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`expire_at\` text,
  	\`expireat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`workflow_state\` text DEFAULT 'draft',
  	\`created_by_id\` integer,
  	\`last_edited_by_id\` integer,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`decided_by_id\` integer,
  	\`decided_at\` text,
  	\`decision_comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_thumbnail_webp_url\` text,
  	\`sizes_thumbnail_webp_width\` numeric,
  	\`sizes_thumbnail_webp_height\` numeric,
  	\`sizes_thumbnail_webp_mime_type\` text,
  	\`sizes_thumbnail_webp_filesize\` numeric,
  	\`sizes_thumbnail_webp_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_card_webp_url\` text,
  	\`sizes_card_webp_width\` numeric,
  	\`sizes_card_webp_height\` numeric,
  	\`sizes_card_webp_mime_type\` text,
  	\`sizes_card_webp_filesize\` numeric,
  	\`sizes_card_webp_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text,
  	\`sizes_hero_webp_url\` text,
  	\`sizes_hero_webp_width\` numeric,
  	\`sizes_hero_webp_height\` numeric,
  	\`sizes_hero_webp_mime_type\` text,
  	\`sizes_hero_webp_filesize\` numeric,
  	\`sizes_hero_webp_filename\` text,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`brochures_audience_idx\` ON \`brochures\` (\`audience\`);`)
  await db.run(sql`CREATE INDEX \`brochures_publish_at_idx\` ON \`brochures\` (\`publish_at\`);`)
  await db.run(sql`CREATE INDEX \`brochures_expire_at_idx\` ON \`brochures\` (\`expire_at\`);`)
  await db.run(sql`CREATE INDEX \`brochures_workflow_state_idx\` ON \`brochures\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`brochures_created_by_idx\` ON \`brochures\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`brochures_last_edited_by_idx\` ON \`brochures\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`brochures_submitted_by_idx\` ON \`brochures\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`brochures_decided_by_idx\` ON \`brochures\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`brochures_updated_at_idx\` ON \`brochures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`brochures_created_at_idx\` ON \`brochures\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`brochures__status_idx\` ON \`brochures\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`brochures_filename_idx\` ON \`brochures\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`brochures_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`brochures\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`brochures_sizes_thumbnail_webp_sizes_thumbnail_webp_file_idx\` ON \`brochures\` (\`sizes_thumbnail_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`brochures_sizes_card_sizes_card_filename_idx\` ON \`brochures\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`brochures_sizes_card_webp_sizes_card_webp_filename_idx\` ON \`brochures\` (\`sizes_card_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`brochures_sizes_hero_sizes_hero_filename_idx\` ON \`brochures\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE INDEX \`brochures_sizes_hero_webp_sizes_hero_webp_filename_idx\` ON \`brochures\` (\`sizes_hero_webp_filename\`);`)
  await db.run(sql`CREATE TABLE \`brochures_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`brochures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`brochures_rels_order_idx\` ON \`brochures_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`brochures_rels_parent_idx\` ON \`brochures_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`brochures_rels_path_idx\` ON \`brochures_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`brochures_rels_departments_id_idx\` ON \`brochures_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`_brochures_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_description\` text,
  	\`version_audience\` text DEFAULT 'patient',
  	\`version_page_count\` numeric,
  	\`version_publish_at\` text,
  	\`version_publishat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_expire_at\` text,
  	\`version_expireat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_created_by_id\` integer,
  	\`version_last_edited_by_id\` integer,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_decided_by_id\` integer,
  	\`version_decided_at\` text,
  	\`version_decision_comment\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_url\` text,
  	\`version_thumbnail_u_r_l\` text,
  	\`version_filename\` text,
  	\`version_mime_type\` text,
  	\`version_filesize\` numeric,
  	\`version_width\` numeric,
  	\`version_height\` numeric,
  	\`version_focal_x\` numeric,
  	\`version_focal_y\` numeric,
  	\`version_sizes_thumbnail_url\` text,
  	\`version_sizes_thumbnail_width\` numeric,
  	\`version_sizes_thumbnail_height\` numeric,
  	\`version_sizes_thumbnail_mime_type\` text,
  	\`version_sizes_thumbnail_filesize\` numeric,
  	\`version_sizes_thumbnail_filename\` text,
  	\`version_sizes_thumbnail_webp_url\` text,
  	\`version_sizes_thumbnail_webp_width\` numeric,
  	\`version_sizes_thumbnail_webp_height\` numeric,
  	\`version_sizes_thumbnail_webp_mime_type\` text,
  	\`version_sizes_thumbnail_webp_filesize\` numeric,
  	\`version_sizes_thumbnail_webp_filename\` text,
  	\`version_sizes_card_url\` text,
  	\`version_sizes_card_width\` numeric,
  	\`version_sizes_card_height\` numeric,
  	\`version_sizes_card_mime_type\` text,
  	\`version_sizes_card_filesize\` numeric,
  	\`version_sizes_card_filename\` text,
  	\`version_sizes_card_webp_url\` text,
  	\`version_sizes_card_webp_width\` numeric,
  	\`version_sizes_card_webp_height\` numeric,
  	\`version_sizes_card_webp_mime_type\` text,
  	\`version_sizes_card_webp_filesize\` numeric,
  	\`version_sizes_card_webp_filename\` text,
  	\`version_sizes_hero_url\` text,
  	\`version_sizes_hero_width\` numeric,
  	\`version_sizes_hero_height\` numeric,
  	\`version_sizes_hero_mime_type\` text,
  	\`version_sizes_hero_filesize\` numeric,
  	\`version_sizes_hero_filename\` text,
  	\`version_sizes_hero_webp_url\` text,
  	\`version_sizes_hero_webp_width\` numeric,
  	\`version_sizes_hero_webp_height\` numeric,
  	\`version_sizes_hero_webp_mime_type\` text,
  	\`version_sizes_hero_webp_filesize\` numeric,
  	\`version_sizes_hero_webp_filename\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`brochures\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_brochures_v_parent_idx\` ON \`_brochures_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_audience_idx\` ON \`_brochures_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_publish_at_idx\` ON \`_brochures_v\` (\`version_publish_at\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_expire_at_idx\` ON \`_brochures_v\` (\`version_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_workflow_state_idx\` ON \`_brochures_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_created_by_idx\` ON \`_brochures_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_last_edited_by_idx\` ON \`_brochures_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_submitted_by_idx\` ON \`_brochures_v\` (\`version_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_decided_by_idx\` ON \`_brochures_v\` (\`version_decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_updated_at_idx\` ON \`_brochures_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_created_at_idx\` ON \`_brochures_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version__status_idx\` ON \`_brochures_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_version_filename_idx\` ON \`_brochures_v\` (\`version_filename\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_sizes_thumbnail_version_sizes_thumb_idx\` ON \`_brochures_v\` (\`version_sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_sizes_thumbnail_webp_version_sizes__idx\` ON \`_brochures_v\` (\`version_sizes_thumbnail_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_sizes_card_version_sizes_card_filen_idx\` ON \`_brochures_v\` (\`version_sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_sizes_card_webp_version_sizes_card__idx\` ON \`_brochures_v\` (\`version_sizes_card_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_sizes_hero_version_sizes_hero_filen_idx\` ON \`_brochures_v\` (\`version_sizes_hero_filename\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_version_sizes_hero_webp_version_sizes_hero__idx\` ON \`_brochures_v\` (\`version_sizes_hero_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_created_at_idx\` ON \`_brochures_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_updated_at_idx\` ON \`_brochures_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_latest_idx\` ON \`_brochures_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_brochures_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_brochures_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_brochures_v_rels_order_idx\` ON \`_brochures_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_rels_parent_idx\` ON \`_brochures_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_rels_path_idx\` ON \`_brochures_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_brochures_v_rels_departments_id_idx\` ON \`_brochures_v_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text,
  	\`sizes_thumbnail_webp_url\` text,
  	\`sizes_thumbnail_webp_width\` numeric,
  	\`sizes_thumbnail_webp_height\` numeric,
  	\`sizes_thumbnail_webp_mime_type\` text,
  	\`sizes_thumbnail_webp_filesize\` numeric,
  	\`sizes_thumbnail_webp_filename\` text,
  	\`sizes_card_webp_url\` text,
  	\`sizes_card_webp_width\` numeric,
  	\`sizes_card_webp_height\` numeric,
  	\`sizes_card_webp_mime_type\` text,
  	\`sizes_card_webp_filesize\` numeric,
  	\`sizes_card_webp_filename\` text,
  	\`sizes_hero_webp_url\` text,
  	\`sizes_hero_webp_width\` numeric,
  	\`sizes_hero_webp_height\` numeric,
  	\`sizes_hero_webp_mime_type\` text,
  	\`sizes_hero_webp_filesize\` numeric,
  	\`sizes_hero_webp_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_sizes_hero_filename_idx\` ON \`media\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_webp_sizes_thumbnail_webp_filename_idx\` ON \`media\` (\`sizes_thumbnail_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_webp_sizes_card_webp_filename_idx\` ON \`media\` (\`sizes_card_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_webp_sizes_hero_webp_filename_idx\` ON \`media\` (\`sizes_hero_webp_filename\`);`)
  await db.run(sql`CREATE TABLE \`video_transcodes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`video_id\` integer NOT NULL,
  	\`source\` text NOT NULL,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`progress\` numeric DEFAULT 0,
  	\`attempt\` numeric DEFAULT 1,
  	\`error_code\` text,
  	\`error_zh\` text,
  	\`error_en\` text,
  	\`error_detail\` text,
  	\`cancel_requested\` integer DEFAULT false,
  	\`job\` text,
  	\`worker\` text,
  	\`heartbeat_at\` text,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`output_duration_seconds\` numeric,
  	\`output_width\` numeric,
  	\`output_height\` numeric,
  	\`output_size_bytes\` numeric,
  	\`output_manifest\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`video_id\`) REFERENCES \`promo_videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`video_transcodes_video_idx\` ON \`video_transcodes\` (\`video_id\`);`)
  await db.run(sql`CREATE INDEX \`video_transcodes_source_idx\` ON \`video_transcodes\` (\`source\`);`)
  await db.run(sql`CREATE INDEX \`video_transcodes_status_idx\` ON \`video_transcodes\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`video_transcodes_updated_at_idx\` ON \`video_transcodes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`video_transcodes_created_at_idx\` ON \`video_transcodes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_departments_id_idx\` ON \`users_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`departments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`name_en\` text NOT NULL,
  	\`category\` text DEFAULT 'clinical' NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`departments_code_idx\` ON \`departments\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`departments_active_idx\` ON \`departments\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`departments_updated_at_idx\` ON \`departments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`departments_created_at_idx\` ON \`departments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`app_clients_feeds\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`app_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`app_clients_feeds_order_idx\` ON \`app_clients_feeds\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`app_clients_feeds_parent_idx\` ON \`app_clients_feeds\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`app_clients\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`api_key_hint\` text,
  	\`api_key_issued_at\` text,
  	\`api_key_hash\` text,
  	\`webhook_url\` text,
  	\`webhook_secret\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`app_clients_active_idx\` ON \`app_clients\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`app_clients_api_key_hash_idx\` ON \`app_clients\` (\`api_key_hash\`);`)
  await db.run(sql`CREATE INDEX \`app_clients_updated_at_idx\` ON \`app_clients\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`app_clients_created_at_idx\` ON \`app_clients\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`webhook_deliveries_attempts_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`status_code\` numeric,
  	\`duration_ms\` numeric,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_attempts_log_order_idx\` ON \`webhook_deliveries_attempts_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_attempts_log_parent_id_idx\` ON \`webhook_deliveries_attempts_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` text NOT NULL,
  	\`event_type\` text NOT NULL,
  	\`client_id\` integer,
  	\`collection_slug\` text NOT NULL,
  	\`document_id\` text NOT NULL,
  	\`document_version\` text,
  	\`body\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`next_attempt_at\` text,
  	\`retry_until\` text,
  	\`delivered_at\` text,
  	\`last_attempt_at\` text,
  	\`last_status_code\` numeric,
  	\`last_duration_ms\` numeric,
  	\`last_error\` text,
  	\`schedule_token\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`client_id\`) REFERENCES \`app_clients\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_event_id_idx\` ON \`webhook_deliveries\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_client_idx\` ON \`webhook_deliveries\` (\`client_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_document_id_idx\` ON \`webhook_deliveries\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_status_idx\` ON \`webhook_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_nextAttemptAt_idx\` ON \`webhook_deliveries\` (\`status\`,\`next_attempt_at\`);`)
  await db.run(sql`CREATE TABLE \`feed_event_counts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`collection_slug\` text NOT NULL,
  	\`item_id\` text NOT NULL,
  	\`audience\` text NOT NULL,
  	\`placement\` text NOT NULL,
  	\`platform\` text NOT NULL,
  	\`impressions\` numeric DEFAULT 0 NOT NULL,
  	\`clicks\` numeric DEFAULT 0 NOT NULL,
  	\`dismisses\` numeric DEFAULT 0 NOT NULL,
  	\`batch\` text NOT NULL,
  	\`received_at\` text
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`day_collectionSlug_itemId_audience_placement_platform_ba_idx\` ON \`feed_event_counts\` (\`day\`,\`collection_slug\`,\`item_id\`,\`audience\`,\`placement\`,\`platform\`,\`batch\`);`)
  await db.run(sql`CREATE INDEX \`collectionSlug_itemId_day_idx\` ON \`feed_event_counts\` (\`collection_slug\`,\`item_id\`,\`day\`);`)
  await db.run(sql`CREATE TABLE \`schedule_claims\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`holder\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`schedule_claims_key_idx\` ON \`schedule_claims\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`schedule_claims_updated_at_idx\` ON \`schedule_claims\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`schedule_claims_created_at_idx\` ON \`schedule_claims\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`actor_id\` integer,
  	\`actor_email\` text,
  	\`action\` text NOT NULL,
  	\`collection_slug\` text,
  	\`document_id\` text,
  	\`document_title\` text,
  	\`from_state\` text,
  	\`to_state\` text,
  	\`comment\` text,
  	\`changed_fields\` text,
  	\`details\` text,
  	\`ip\` text,
  	\`user_agent\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_email_idx\` ON \`audit_log\` (\`actor_email\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_collection_slug_idx\` ON \`audit_log\` (\`collection_slug\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_document_id_idx\` ON \`audit_log\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`collectionSlug_documentId_idx\` ON \`audit_log\` (\`collection_slug\`,\`document_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`notices_platforms\`;`)
  await db.run(sql`DROP TABLE \`notices\`;`)
  await db.run(sql`DROP TABLE \`notices_rels\`;`)
  await db.run(sql`DROP TABLE \`_notices_v_version_platforms\`;`)
  await db.run(sql`DROP TABLE \`_notices_v\`;`)
  await db.run(sql`DROP TABLE \`_notices_v_rels\`;`)
  await db.run(sql`DROP TABLE \`free_clinic_events_sessions\`;`)
  await db.run(sql`DROP TABLE \`free_clinic_events_doctors\`;`)
  await db.run(sql`DROP TABLE \`free_clinic_events\`;`)
  await db.run(sql`DROP TABLE \`free_clinic_events_rels\`;`)
  await db.run(sql`DROP TABLE \`_free_clinic_events_v_version_sessions\`;`)
  await db.run(sql`DROP TABLE \`_free_clinic_events_v_version_doctors\`;`)
  await db.run(sql`DROP TABLE \`_free_clinic_events_v\`;`)
  await db.run(sql`DROP TABLE \`_free_clinic_events_v_rels\`;`)
  await db.run(sql`DROP TABLE \`promo_videos\`;`)
  await db.run(sql`DROP TABLE \`promo_videos_texts\`;`)
  await db.run(sql`DROP TABLE \`promo_videos_rels\`;`)
  await db.run(sql`DROP TABLE \`_promo_videos_v\`;`)
  await db.run(sql`DROP TABLE \`_promo_videos_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_promo_videos_v_rels\`;`)
  await db.run(sql`DROP TABLE \`brochures\`;`)
  await db.run(sql`DROP TABLE \`brochures_rels\`;`)
  await db.run(sql`DROP TABLE \`_brochures_v\`;`)
  await db.run(sql`DROP TABLE \`_brochures_v_rels\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`video_transcodes\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
  await db.run(sql`DROP TABLE \`departments\`;`)
  await db.run(sql`DROP TABLE \`app_clients_feeds\`;`)
  await db.run(sql`DROP TABLE \`app_clients\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries_attempts_log\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`feed_event_counts\`;`)
  await db.run(sql`DROP TABLE \`schedule_claims\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
