import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_notices_platforms" AS ENUM('ios', 'android', 'mini_program');
  CREATE TYPE "public"."enum_notices_audience" AS ENUM('patient', 'doctor', 'both');
  CREATE TYPE "public"."enum_notices_placement" AS ENUM('banner', 'popup', 'ticker', 'list');
  CREATE TYPE "public"."enum_notices_kind" AS ENUM('feature_launch', 'activity', 'clinic_suspension', 'service_change', 'general');
  CREATE TYPE "public"."enum_notices_popup_frequency" AS ENUM('once', 'daily', 'every_launch');
  CREATE TYPE "public"."enum_notices_publishat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_notices_expireat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_notices_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum_notices_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__notices_v_version_platforms" AS ENUM('ios', 'android', 'mini_program');
  CREATE TYPE "public"."enum__notices_v_version_audience" AS ENUM('patient', 'doctor', 'both');
  CREATE TYPE "public"."enum__notices_v_version_placement" AS ENUM('banner', 'popup', 'ticker', 'list');
  CREATE TYPE "public"."enum__notices_v_version_kind" AS ENUM('feature_launch', 'activity', 'clinic_suspension', 'service_change', 'general');
  CREATE TYPE "public"."enum__notices_v_version_popup_frequency" AS ENUM('once', 'daily', 'every_launch');
  CREATE TYPE "public"."enum__notices_v_version_publishat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__notices_v_version_expireat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__notices_v_version_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum__notices_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_free_clinic_events_sessions_startsat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_free_clinic_events_sessions_endsat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_free_clinic_events_audience" AS ENUM('patient', 'doctor', 'both');
  CREATE TYPE "public"."enum_free_clinic_events_mode" AS ENUM('onsite', 'online');
  CREATE TYPE "public"."enum_free_clinic_events_publishat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_free_clinic_events_expireat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_free_clinic_events_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum_free_clinic_events_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__free_clinic_events_v_version_sessions_startsat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__free_clinic_events_v_version_sessions_endsat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__free_clinic_events_v_version_audience" AS ENUM('patient', 'doctor', 'both');
  CREATE TYPE "public"."enum__free_clinic_events_v_version_mode" AS ENUM('onsite', 'online');
  CREATE TYPE "public"."enum__free_clinic_events_v_version_publishat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__free_clinic_events_v_version_expireat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__free_clinic_events_v_version_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum__free_clinic_events_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_promo_videos_audience" AS ENUM('patient', 'doctor', 'both');
  CREATE TYPE "public"."enum_promo_videos_publishat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_promo_videos_expireat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_promo_videos_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum_promo_videos_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__promo_videos_v_version_audience" AS ENUM('patient', 'doctor', 'both');
  CREATE TYPE "public"."enum__promo_videos_v_version_publishat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__promo_videos_v_version_expireat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__promo_videos_v_version_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum__promo_videos_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_brochures_audience" AS ENUM('patient', 'doctor', 'both');
  CREATE TYPE "public"."enum_brochures_publishat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_brochures_expireat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum_brochures_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum_brochures_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__brochures_v_version_audience" AS ENUM('patient', 'doctor', 'both');
  CREATE TYPE "public"."enum__brochures_v_version_publishat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__brochures_v_version_expireat_tz" AS ENUM('Asia/Shanghai');
  CREATE TYPE "public"."enum__brochures_v_version_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum__brochures_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_video_transcodes_status" AS ENUM('queued', 'processing', 'ready', 'failed');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'reviewer', 'editor', 'publicity', 'viewer');
  CREATE TYPE "public"."enum_departments_category" AS ENUM('clinical', 'medical_technical', 'nursing', 'administrative');
  CREATE TYPE "public"."enum_app_clients_feeds" AS ENUM('patient', 'doctor');
  CREATE TYPE "public"."enum_webhook_deliveries_event_type" AS ENUM('published', 'updated', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum_webhook_deliveries_status" AS ENUM('pending', 'failed', 'succeeded', 'dead');
  CREATE TYPE "public"."enum_feed_event_counts_collection_slug" AS ENUM('notices', 'free-clinic-events', 'promo-videos', 'brochures');
  CREATE TYPE "public"."enum_feed_event_counts_audience" AS ENUM('patient', 'doctor');
  CREATE TYPE "public"."enum_feed_event_counts_placement" AS ENUM('banner', 'popup', 'ticker', 'list', 'detail');
  CREATE TYPE "public"."enum_feed_event_counts_platform" AS ENUM('ios', 'android', 'mini_program', 'web');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'update', 'delete', 'submit', 'approve', 'reject', 'withdraw', 'reopen', 'publish', 'expire', 'login_failed', 'role_change');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'runSchedule', 'sendMail', 'deliverWebhook', 'compactFeedEventCounts', 'transcodeVideo');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'runSchedule', 'sendMail', 'deliverWebhook', 'compactFeedEventCounts', 'transcodeVideo');
  CREATE TABLE "notices_platforms" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notices_platforms",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"summary" varchar,
  	"audience" "enum_notices_audience" DEFAULT 'patient',
  	"placement" "enum_notices_placement" DEFAULT 'list',
  	"kind" "enum_notices_kind" DEFAULT 'general',
  	"body" jsonb,
  	"image_id" integer,
  	"link" varchar,
  	"priority" numeric DEFAULT 50,
  	"pinned" boolean DEFAULT false,
  	"popup_frequency" "enum_notices_popup_frequency" DEFAULT 'once',
  	"min_app_version" varchar,
  	"source_event_id" integer,
  	"publish_at" timestamp(3) with time zone,
  	"publishat_tz" "enum_notices_publishat_tz" DEFAULT 'Asia/Shanghai',
  	"expire_at" timestamp(3) with time zone,
  	"expireat_tz" "enum_notices_expireat_tz" DEFAULT 'Asia/Shanghai',
  	"workflow_state" "enum_notices_workflow_state" DEFAULT 'draft',
  	"created_by_id" integer,
  	"last_edited_by_id" integer,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"decision_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_notices_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "notices_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "_notices_v_version_platforms" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__notices_v_version_platforms",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_notices_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_audience" "enum__notices_v_version_audience" DEFAULT 'patient',
  	"version_placement" "enum__notices_v_version_placement" DEFAULT 'list',
  	"version_kind" "enum__notices_v_version_kind" DEFAULT 'general',
  	"version_body" jsonb,
  	"version_image_id" integer,
  	"version_link" varchar,
  	"version_priority" numeric DEFAULT 50,
  	"version_pinned" boolean DEFAULT false,
  	"version_popup_frequency" "enum__notices_v_version_popup_frequency" DEFAULT 'once',
  	"version_min_app_version" varchar,
  	"version_source_event_id" integer,
  	"version_publish_at" timestamp(3) with time zone,
  	"version_publishat_tz" "enum__notices_v_version_publishat_tz" DEFAULT 'Asia/Shanghai',
  	"version_expire_at" timestamp(3) with time zone,
  	"version_expireat_tz" "enum__notices_v_version_expireat_tz" DEFAULT 'Asia/Shanghai',
  	"version_workflow_state" "enum__notices_v_version_workflow_state" DEFAULT 'draft',
  	"version_created_by_id" integer,
  	"version_last_edited_by_id" integer,
  	"version_submitted_by_id" integer,
  	"version_submitted_at" timestamp(3) with time zone,
  	"version_decided_by_id" integer,
  	"version_decided_at" timestamp(3) with time zone,
  	"version_decision_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__notices_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_notices_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "free_clinic_events_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"starts_at" timestamp(3) with time zone,
  	"startsat_tz" "enum_free_clinic_events_sessions_startsat_tz" DEFAULT 'Asia/Shanghai',
  	"ends_at" timestamp(3) with time zone,
  	"endsat_tz" "enum_free_clinic_events_sessions_endsat_tz" DEFAULT 'Asia/Shanghai',
  	"quota" numeric DEFAULT 50
  );
  
  CREATE TABLE "free_clinic_events_doctors" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"title" varchar,
  	"department_id" integer
  );
  
  CREATE TABLE "free_clinic_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"audience" "enum_free_clinic_events_audience" DEFAULT 'patient',
  	"mode" "enum_free_clinic_events_mode" DEFAULT 'onsite',
  	"address" varchar,
  	"registration_link" varchar,
  	"poster_id" integer,
  	"description" jsonb,
  	"announce_on_homepage" boolean DEFAULT true,
  	"publish_at" timestamp(3) with time zone,
  	"publishat_tz" "enum_free_clinic_events_publishat_tz" DEFAULT 'Asia/Shanghai',
  	"expire_at" timestamp(3) with time zone,
  	"expireat_tz" "enum_free_clinic_events_expireat_tz" DEFAULT 'Asia/Shanghai',
  	"workflow_state" "enum_free_clinic_events_workflow_state" DEFAULT 'draft',
  	"created_by_id" integer,
  	"last_edited_by_id" integer,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"decision_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_free_clinic_events_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "free_clinic_events_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "_free_clinic_events_v_version_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"starts_at" timestamp(3) with time zone,
  	"startsat_tz" "enum__free_clinic_events_v_version_sessions_startsat_tz" DEFAULT 'Asia/Shanghai',
  	"ends_at" timestamp(3) with time zone,
  	"endsat_tz" "enum__free_clinic_events_v_version_sessions_endsat_tz" DEFAULT 'Asia/Shanghai',
  	"quota" numeric DEFAULT 50,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_free_clinic_events_v_version_doctors" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"title" varchar,
  	"department_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_free_clinic_events_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_audience" "enum__free_clinic_events_v_version_audience" DEFAULT 'patient',
  	"version_mode" "enum__free_clinic_events_v_version_mode" DEFAULT 'onsite',
  	"version_address" varchar,
  	"version_registration_link" varchar,
  	"version_poster_id" integer,
  	"version_description" jsonb,
  	"version_announce_on_homepage" boolean DEFAULT true,
  	"version_publish_at" timestamp(3) with time zone,
  	"version_publishat_tz" "enum__free_clinic_events_v_version_publishat_tz" DEFAULT 'Asia/Shanghai',
  	"version_expire_at" timestamp(3) with time zone,
  	"version_expireat_tz" "enum__free_clinic_events_v_version_expireat_tz" DEFAULT 'Asia/Shanghai',
  	"version_workflow_state" "enum__free_clinic_events_v_version_workflow_state" DEFAULT 'draft',
  	"version_created_by_id" integer,
  	"version_last_edited_by_id" integer,
  	"version_submitted_by_id" integer,
  	"version_submitted_at" timestamp(3) with time zone,
  	"version_decided_by_id" integer,
  	"version_decided_at" timestamp(3) with time zone,
  	"version_decision_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__free_clinic_events_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_free_clinic_events_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "promo_videos" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"description" varchar,
  	"audience" "enum_promo_videos_audience" DEFAULT 'patient',
  	"source_duration_seconds" numeric,
  	"source_width" numeric,
  	"source_height" numeric,
  	"publish_at" timestamp(3) with time zone,
  	"publishat_tz" "enum_promo_videos_publishat_tz" DEFAULT 'Asia/Shanghai',
  	"expire_at" timestamp(3) with time zone,
  	"expireat_tz" "enum_promo_videos_expireat_tz" DEFAULT 'Asia/Shanghai',
  	"workflow_state" "enum_promo_videos_workflow_state" DEFAULT 'draft',
  	"created_by_id" integer,
  	"last_edited_by_id" integer,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"decision_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_promo_videos_status" DEFAULT 'draft',
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  CREATE TABLE "promo_videos_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "promo_videos_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "_promo_videos_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_description" varchar,
  	"version_audience" "enum__promo_videos_v_version_audience" DEFAULT 'patient',
  	"version_source_duration_seconds" numeric,
  	"version_source_width" numeric,
  	"version_source_height" numeric,
  	"version_publish_at" timestamp(3) with time zone,
  	"version_publishat_tz" "enum__promo_videos_v_version_publishat_tz" DEFAULT 'Asia/Shanghai',
  	"version_expire_at" timestamp(3) with time zone,
  	"version_expireat_tz" "enum__promo_videos_v_version_expireat_tz" DEFAULT 'Asia/Shanghai',
  	"version_workflow_state" "enum__promo_videos_v_version_workflow_state" DEFAULT 'draft',
  	"version_created_by_id" integer,
  	"version_last_edited_by_id" integer,
  	"version_submitted_by_id" integer,
  	"version_submitted_at" timestamp(3) with time zone,
  	"version_decided_by_id" integer,
  	"version_decided_at" timestamp(3) with time zone,
  	"version_decision_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__promo_videos_v_version_status" DEFAULT 'draft',
  	"version_url" varchar,
  	"version_thumbnail_u_r_l" varchar,
  	"version_filename" varchar,
  	"version_mime_type" varchar,
  	"version_filesize" numeric,
  	"version_width" numeric,
  	"version_height" numeric,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_promo_videos_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_promo_videos_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "brochures" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"description" varchar,
  	"audience" "enum_brochures_audience" DEFAULT 'patient',
  	"page_count" numeric,
  	"publish_at" timestamp(3) with time zone,
  	"publishat_tz" "enum_brochures_publishat_tz" DEFAULT 'Asia/Shanghai',
  	"expire_at" timestamp(3) with time zone,
  	"expireat_tz" "enum_brochures_expireat_tz" DEFAULT 'Asia/Shanghai',
  	"workflow_state" "enum_brochures_workflow_state" DEFAULT 'draft',
  	"created_by_id" integer,
  	"last_edited_by_id" integer,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"decision_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_brochures_status" DEFAULT 'draft',
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_thumbnail_webp_url" varchar,
  	"sizes_thumbnail_webp_width" numeric,
  	"sizes_thumbnail_webp_height" numeric,
  	"sizes_thumbnail_webp_mime_type" varchar,
  	"sizes_thumbnail_webp_filesize" numeric,
  	"sizes_thumbnail_webp_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_card_webp_url" varchar,
  	"sizes_card_webp_width" numeric,
  	"sizes_card_webp_height" numeric,
  	"sizes_card_webp_mime_type" varchar,
  	"sizes_card_webp_filesize" numeric,
  	"sizes_card_webp_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar,
  	"sizes_hero_webp_url" varchar,
  	"sizes_hero_webp_width" numeric,
  	"sizes_hero_webp_height" numeric,
  	"sizes_hero_webp_mime_type" varchar,
  	"sizes_hero_webp_filesize" numeric,
  	"sizes_hero_webp_filename" varchar
  );
  
  CREATE TABLE "brochures_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "_brochures_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_description" varchar,
  	"version_audience" "enum__brochures_v_version_audience" DEFAULT 'patient',
  	"version_page_count" numeric,
  	"version_publish_at" timestamp(3) with time zone,
  	"version_publishat_tz" "enum__brochures_v_version_publishat_tz" DEFAULT 'Asia/Shanghai',
  	"version_expire_at" timestamp(3) with time zone,
  	"version_expireat_tz" "enum__brochures_v_version_expireat_tz" DEFAULT 'Asia/Shanghai',
  	"version_workflow_state" "enum__brochures_v_version_workflow_state" DEFAULT 'draft',
  	"version_created_by_id" integer,
  	"version_last_edited_by_id" integer,
  	"version_submitted_by_id" integer,
  	"version_submitted_at" timestamp(3) with time zone,
  	"version_decided_by_id" integer,
  	"version_decided_at" timestamp(3) with time zone,
  	"version_decision_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__brochures_v_version_status" DEFAULT 'draft',
  	"version_url" varchar,
  	"version_thumbnail_u_r_l" varchar,
  	"version_filename" varchar,
  	"version_mime_type" varchar,
  	"version_filesize" numeric,
  	"version_width" numeric,
  	"version_height" numeric,
  	"version_focal_x" numeric,
  	"version_focal_y" numeric,
  	"version_sizes_thumbnail_url" varchar,
  	"version_sizes_thumbnail_width" numeric,
  	"version_sizes_thumbnail_height" numeric,
  	"version_sizes_thumbnail_mime_type" varchar,
  	"version_sizes_thumbnail_filesize" numeric,
  	"version_sizes_thumbnail_filename" varchar,
  	"version_sizes_thumbnail_webp_url" varchar,
  	"version_sizes_thumbnail_webp_width" numeric,
  	"version_sizes_thumbnail_webp_height" numeric,
  	"version_sizes_thumbnail_webp_mime_type" varchar,
  	"version_sizes_thumbnail_webp_filesize" numeric,
  	"version_sizes_thumbnail_webp_filename" varchar,
  	"version_sizes_card_url" varchar,
  	"version_sizes_card_width" numeric,
  	"version_sizes_card_height" numeric,
  	"version_sizes_card_mime_type" varchar,
  	"version_sizes_card_filesize" numeric,
  	"version_sizes_card_filename" varchar,
  	"version_sizes_card_webp_url" varchar,
  	"version_sizes_card_webp_width" numeric,
  	"version_sizes_card_webp_height" numeric,
  	"version_sizes_card_webp_mime_type" varchar,
  	"version_sizes_card_webp_filesize" numeric,
  	"version_sizes_card_webp_filename" varchar,
  	"version_sizes_hero_url" varchar,
  	"version_sizes_hero_width" numeric,
  	"version_sizes_hero_height" numeric,
  	"version_sizes_hero_mime_type" varchar,
  	"version_sizes_hero_filesize" numeric,
  	"version_sizes_hero_filename" varchar,
  	"version_sizes_hero_webp_url" varchar,
  	"version_sizes_hero_webp_width" numeric,
  	"version_sizes_hero_webp_height" numeric,
  	"version_sizes_hero_webp_mime_type" varchar,
  	"version_sizes_hero_webp_filesize" numeric,
  	"version_sizes_hero_webp_filename" varchar,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_brochures_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar,
  	"sizes_thumbnail_webp_url" varchar,
  	"sizes_thumbnail_webp_width" numeric,
  	"sizes_thumbnail_webp_height" numeric,
  	"sizes_thumbnail_webp_mime_type" varchar,
  	"sizes_thumbnail_webp_filesize" numeric,
  	"sizes_thumbnail_webp_filename" varchar,
  	"sizes_card_webp_url" varchar,
  	"sizes_card_webp_width" numeric,
  	"sizes_card_webp_height" numeric,
  	"sizes_card_webp_mime_type" varchar,
  	"sizes_card_webp_filesize" numeric,
  	"sizes_card_webp_filename" varchar,
  	"sizes_hero_webp_url" varchar,
  	"sizes_hero_webp_width" numeric,
  	"sizes_hero_webp_height" numeric,
  	"sizes_hero_webp_mime_type" varchar,
  	"sizes_hero_webp_filesize" numeric,
  	"sizes_hero_webp_filename" varchar
  );
  
  CREATE TABLE "video_transcodes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"video_id" integer NOT NULL,
  	"source" varchar NOT NULL,
  	"status" "enum_video_transcodes_status" DEFAULT 'queued' NOT NULL,
  	"progress" numeric DEFAULT 0,
  	"attempt" numeric DEFAULT 1,
  	"error_code" varchar,
  	"error_zh" varchar,
  	"error_en" varchar,
  	"error_detail" varchar,
  	"cancel_requested" boolean DEFAULT false,
  	"job" varchar,
  	"worker" varchar,
  	"heartbeat_at" timestamp(3) with time zone,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"output_duration_seconds" numeric,
  	"output_width" numeric,
  	"output_height" numeric,
  	"output_size_bytes" numeric,
  	"output_manifest" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "users_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "departments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"name_en" varchar NOT NULL,
  	"category" "enum_departments_category" DEFAULT 'clinical' NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "app_clients_feeds" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_app_clients_feeds",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "app_clients" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"api_key_hint" varchar,
  	"api_key_issued_at" timestamp(3) with time zone,
  	"api_key_hash" varchar,
  	"webhook_url" varchar,
  	"webhook_secret" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_deliveries_attempts_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"status_code" numeric,
  	"duration_ms" numeric,
  	"error" varchar
  );
  
  CREATE TABLE "webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" varchar NOT NULL,
  	"event_type" "enum_webhook_deliveries_event_type" NOT NULL,
  	"client_id" integer,
  	"collection_slug" varchar NOT NULL,
  	"document_id" varchar NOT NULL,
  	"document_version" varchar,
  	"body" varchar NOT NULL,
  	"status" "enum_webhook_deliveries_status" DEFAULT 'pending' NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"next_attempt_at" timestamp(3) with time zone,
  	"retry_until" timestamp(3) with time zone,
  	"delivered_at" timestamp(3) with time zone,
  	"last_attempt_at" timestamp(3) with time zone,
  	"last_status_code" numeric,
  	"last_duration_ms" numeric,
  	"last_error" varchar,
  	"schedule_token" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feed_event_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"day" varchar NOT NULL,
  	"collection_slug" "enum_feed_event_counts_collection_slug" NOT NULL,
  	"item_id" varchar NOT NULL,
  	"audience" "enum_feed_event_counts_audience" NOT NULL,
  	"placement" "enum_feed_event_counts_placement" NOT NULL,
  	"platform" "enum_feed_event_counts_platform" NOT NULL,
  	"impressions" numeric DEFAULT 0 NOT NULL,
  	"clicks" numeric DEFAULT 0 NOT NULL,
  	"dismisses" numeric DEFAULT 0 NOT NULL,
  	"batch" varchar NOT NULL,
  	"received_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "schedule_claims" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"holder" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"actor_id" integer,
  	"actor_email" varchar,
  	"action" "enum_audit_log_action" NOT NULL,
  	"collection_slug" varchar,
  	"document_id" varchar,
  	"document_title" varchar,
  	"from_state" varchar,
  	"to_state" varchar,
  	"comment" varchar,
  	"changed_fields" jsonb,
  	"details" jsonb,
  	"ip" varchar,
  	"user_agent" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"notices_id" integer,
  	"free_clinic_events_id" integer,
  	"promo_videos_id" integer,
  	"brochures_id" integer,
  	"media_id" integer,
  	"video_transcodes_id" integer,
  	"users_id" integer,
  	"departments_id" integer,
  	"app_clients_id" integer,
  	"schedule_claims_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "notices_platforms" ADD CONSTRAINT "notices_platforms_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_source_event_id_free_clinic_events_id_fk" FOREIGN KEY ("source_event_id") REFERENCES "public"."free_clinic_events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices_rels" ADD CONSTRAINT "notices_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_rels" ADD CONSTRAINT "notices_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_version_platforms" ADD CONSTRAINT "_notices_v_version_platforms_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_parent_id_notices_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_source_event_id_free_clinic_events_id_fk" FOREIGN KEY ("version_source_event_id") REFERENCES "public"."free_clinic_events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_decided_by_id_users_id_fk" FOREIGN KEY ("version_decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v_rels" ADD CONSTRAINT "_notices_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_rels" ADD CONSTRAINT "_notices_v_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "free_clinic_events_sessions" ADD CONSTRAINT "free_clinic_events_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."free_clinic_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "free_clinic_events_doctors" ADD CONSTRAINT "free_clinic_events_doctors_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "free_clinic_events_doctors" ADD CONSTRAINT "free_clinic_events_doctors_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."free_clinic_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "free_clinic_events" ADD CONSTRAINT "free_clinic_events_poster_id_media_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "free_clinic_events" ADD CONSTRAINT "free_clinic_events_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "free_clinic_events" ADD CONSTRAINT "free_clinic_events_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "free_clinic_events" ADD CONSTRAINT "free_clinic_events_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "free_clinic_events" ADD CONSTRAINT "free_clinic_events_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "free_clinic_events_rels" ADD CONSTRAINT "free_clinic_events_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."free_clinic_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "free_clinic_events_rels" ADD CONSTRAINT "free_clinic_events_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v_version_sessions" ADD CONSTRAINT "_free_clinic_events_v_version_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_free_clinic_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v_version_doctors" ADD CONSTRAINT "_free_clinic_events_v_version_doctors_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v_version_doctors" ADD CONSTRAINT "_free_clinic_events_v_version_doctors_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_free_clinic_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v" ADD CONSTRAINT "_free_clinic_events_v_parent_id_free_clinic_events_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."free_clinic_events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v" ADD CONSTRAINT "_free_clinic_events_v_version_poster_id_media_id_fk" FOREIGN KEY ("version_poster_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v" ADD CONSTRAINT "_free_clinic_events_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v" ADD CONSTRAINT "_free_clinic_events_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v" ADD CONSTRAINT "_free_clinic_events_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v" ADD CONSTRAINT "_free_clinic_events_v_version_decided_by_id_users_id_fk" FOREIGN KEY ("version_decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v_rels" ADD CONSTRAINT "_free_clinic_events_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_free_clinic_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v_rels" ADD CONSTRAINT "_free_clinic_events_v_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "promo_videos" ADD CONSTRAINT "promo_videos_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "promo_videos" ADD CONSTRAINT "promo_videos_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "promo_videos" ADD CONSTRAINT "promo_videos_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "promo_videos" ADD CONSTRAINT "promo_videos_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "promo_videos_texts" ADD CONSTRAINT "promo_videos_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."promo_videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "promo_videos_rels" ADD CONSTRAINT "promo_videos_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."promo_videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "promo_videos_rels" ADD CONSTRAINT "promo_videos_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_promo_videos_v" ADD CONSTRAINT "_promo_videos_v_parent_id_promo_videos_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."promo_videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_promo_videos_v" ADD CONSTRAINT "_promo_videos_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_promo_videos_v" ADD CONSTRAINT "_promo_videos_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_promo_videos_v" ADD CONSTRAINT "_promo_videos_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_promo_videos_v" ADD CONSTRAINT "_promo_videos_v_version_decided_by_id_users_id_fk" FOREIGN KEY ("version_decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_promo_videos_v_texts" ADD CONSTRAINT "_promo_videos_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_promo_videos_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_promo_videos_v_rels" ADD CONSTRAINT "_promo_videos_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_promo_videos_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_promo_videos_v_rels" ADD CONSTRAINT "_promo_videos_v_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "brochures" ADD CONSTRAINT "brochures_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "brochures" ADD CONSTRAINT "brochures_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "brochures" ADD CONSTRAINT "brochures_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "brochures" ADD CONSTRAINT "brochures_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "brochures_rels" ADD CONSTRAINT "brochures_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."brochures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "brochures_rels" ADD CONSTRAINT "brochures_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_brochures_v" ADD CONSTRAINT "_brochures_v_parent_id_brochures_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."brochures"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_brochures_v" ADD CONSTRAINT "_brochures_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_brochures_v" ADD CONSTRAINT "_brochures_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_brochures_v" ADD CONSTRAINT "_brochures_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_brochures_v" ADD CONSTRAINT "_brochures_v_version_decided_by_id_users_id_fk" FOREIGN KEY ("version_decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_brochures_v_rels" ADD CONSTRAINT "_brochures_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_brochures_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_brochures_v_rels" ADD CONSTRAINT "_brochures_v_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "video_transcodes" ADD CONSTRAINT "video_transcodes_video_id_promo_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."promo_videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "app_clients_feeds" ADD CONSTRAINT "app_clients_feeds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."app_clients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhook_deliveries_attempts_log" ADD CONSTRAINT "webhook_deliveries_attempts_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_client_id_app_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."app_clients"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notices_fk" FOREIGN KEY ("notices_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_free_clinic_events_fk" FOREIGN KEY ("free_clinic_events_id") REFERENCES "public"."free_clinic_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_promo_videos_fk" FOREIGN KEY ("promo_videos_id") REFERENCES "public"."promo_videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_brochures_fk" FOREIGN KEY ("brochures_id") REFERENCES "public"."brochures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_video_transcodes_fk" FOREIGN KEY ("video_transcodes_id") REFERENCES "public"."video_transcodes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_app_clients_fk" FOREIGN KEY ("app_clients_id") REFERENCES "public"."app_clients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_schedule_claims_fk" FOREIGN KEY ("schedule_claims_id") REFERENCES "public"."schedule_claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "notices_platforms_order_idx" ON "notices_platforms" USING btree ("order");
  CREATE INDEX "notices_platforms_parent_idx" ON "notices_platforms" USING btree ("parent_id");
  CREATE INDEX "notices_audience_idx" ON "notices" USING btree ("audience");
  CREATE INDEX "notices_placement_idx" ON "notices" USING btree ("placement");
  CREATE INDEX "notices_kind_idx" ON "notices" USING btree ("kind");
  CREATE INDEX "notices_image_idx" ON "notices" USING btree ("image_id");
  CREATE INDEX "notices_source_event_idx" ON "notices" USING btree ("source_event_id");
  CREATE INDEX "notices_publish_at_idx" ON "notices" USING btree ("publish_at");
  CREATE INDEX "notices_expire_at_idx" ON "notices" USING btree ("expire_at");
  CREATE INDEX "notices_workflow_state_idx" ON "notices" USING btree ("workflow_state");
  CREATE INDEX "notices_created_by_idx" ON "notices" USING btree ("created_by_id");
  CREATE INDEX "notices_last_edited_by_idx" ON "notices" USING btree ("last_edited_by_id");
  CREATE INDEX "notices_submitted_by_idx" ON "notices" USING btree ("submitted_by_id");
  CREATE INDEX "notices_decided_by_idx" ON "notices" USING btree ("decided_by_id");
  CREATE INDEX "notices_updated_at_idx" ON "notices" USING btree ("updated_at");
  CREATE INDEX "notices_created_at_idx" ON "notices" USING btree ("created_at");
  CREATE INDEX "notices__status_idx" ON "notices" USING btree ("_status");
  CREATE INDEX "notices_rels_order_idx" ON "notices_rels" USING btree ("order");
  CREATE INDEX "notices_rels_parent_idx" ON "notices_rels" USING btree ("parent_id");
  CREATE INDEX "notices_rels_path_idx" ON "notices_rels" USING btree ("path");
  CREATE INDEX "notices_rels_departments_id_idx" ON "notices_rels" USING btree ("departments_id");
  CREATE INDEX "_notices_v_version_platforms_order_idx" ON "_notices_v_version_platforms" USING btree ("order");
  CREATE INDEX "_notices_v_version_platforms_parent_idx" ON "_notices_v_version_platforms" USING btree ("parent_id");
  CREATE INDEX "_notices_v_parent_idx" ON "_notices_v" USING btree ("parent_id");
  CREATE INDEX "_notices_v_version_version_audience_idx" ON "_notices_v" USING btree ("version_audience");
  CREATE INDEX "_notices_v_version_version_placement_idx" ON "_notices_v" USING btree ("version_placement");
  CREATE INDEX "_notices_v_version_version_kind_idx" ON "_notices_v" USING btree ("version_kind");
  CREATE INDEX "_notices_v_version_version_image_idx" ON "_notices_v" USING btree ("version_image_id");
  CREATE INDEX "_notices_v_version_version_source_event_idx" ON "_notices_v" USING btree ("version_source_event_id");
  CREATE INDEX "_notices_v_version_version_publish_at_idx" ON "_notices_v" USING btree ("version_publish_at");
  CREATE INDEX "_notices_v_version_version_expire_at_idx" ON "_notices_v" USING btree ("version_expire_at");
  CREATE INDEX "_notices_v_version_version_workflow_state_idx" ON "_notices_v" USING btree ("version_workflow_state");
  CREATE INDEX "_notices_v_version_version_created_by_idx" ON "_notices_v" USING btree ("version_created_by_id");
  CREATE INDEX "_notices_v_version_version_last_edited_by_idx" ON "_notices_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_notices_v_version_version_submitted_by_idx" ON "_notices_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_notices_v_version_version_decided_by_idx" ON "_notices_v" USING btree ("version_decided_by_id");
  CREATE INDEX "_notices_v_version_version_updated_at_idx" ON "_notices_v" USING btree ("version_updated_at");
  CREATE INDEX "_notices_v_version_version_created_at_idx" ON "_notices_v" USING btree ("version_created_at");
  CREATE INDEX "_notices_v_version_version__status_idx" ON "_notices_v" USING btree ("version__status");
  CREATE INDEX "_notices_v_created_at_idx" ON "_notices_v" USING btree ("created_at");
  CREATE INDEX "_notices_v_updated_at_idx" ON "_notices_v" USING btree ("updated_at");
  CREATE INDEX "_notices_v_latest_idx" ON "_notices_v" USING btree ("latest");
  CREATE INDEX "_notices_v_rels_order_idx" ON "_notices_v_rels" USING btree ("order");
  CREATE INDEX "_notices_v_rels_parent_idx" ON "_notices_v_rels" USING btree ("parent_id");
  CREATE INDEX "_notices_v_rels_path_idx" ON "_notices_v_rels" USING btree ("path");
  CREATE INDEX "_notices_v_rels_departments_id_idx" ON "_notices_v_rels" USING btree ("departments_id");
  CREATE INDEX "free_clinic_events_sessions_order_idx" ON "free_clinic_events_sessions" USING btree ("_order");
  CREATE INDEX "free_clinic_events_sessions_parent_id_idx" ON "free_clinic_events_sessions" USING btree ("_parent_id");
  CREATE INDEX "free_clinic_events_doctors_order_idx" ON "free_clinic_events_doctors" USING btree ("_order");
  CREATE INDEX "free_clinic_events_doctors_parent_id_idx" ON "free_clinic_events_doctors" USING btree ("_parent_id");
  CREATE INDEX "free_clinic_events_doctors_department_idx" ON "free_clinic_events_doctors" USING btree ("department_id");
  CREATE INDEX "free_clinic_events_audience_idx" ON "free_clinic_events" USING btree ("audience");
  CREATE INDEX "free_clinic_events_poster_idx" ON "free_clinic_events" USING btree ("poster_id");
  CREATE INDEX "free_clinic_events_publish_at_idx" ON "free_clinic_events" USING btree ("publish_at");
  CREATE INDEX "free_clinic_events_expire_at_idx" ON "free_clinic_events" USING btree ("expire_at");
  CREATE INDEX "free_clinic_events_workflow_state_idx" ON "free_clinic_events" USING btree ("workflow_state");
  CREATE INDEX "free_clinic_events_created_by_idx" ON "free_clinic_events" USING btree ("created_by_id");
  CREATE INDEX "free_clinic_events_last_edited_by_idx" ON "free_clinic_events" USING btree ("last_edited_by_id");
  CREATE INDEX "free_clinic_events_submitted_by_idx" ON "free_clinic_events" USING btree ("submitted_by_id");
  CREATE INDEX "free_clinic_events_decided_by_idx" ON "free_clinic_events" USING btree ("decided_by_id");
  CREATE INDEX "free_clinic_events_updated_at_idx" ON "free_clinic_events" USING btree ("updated_at");
  CREATE INDEX "free_clinic_events_created_at_idx" ON "free_clinic_events" USING btree ("created_at");
  CREATE INDEX "free_clinic_events__status_idx" ON "free_clinic_events" USING btree ("_status");
  CREATE INDEX "free_clinic_events_rels_order_idx" ON "free_clinic_events_rels" USING btree ("order");
  CREATE INDEX "free_clinic_events_rels_parent_idx" ON "free_clinic_events_rels" USING btree ("parent_id");
  CREATE INDEX "free_clinic_events_rels_path_idx" ON "free_clinic_events_rels" USING btree ("path");
  CREATE INDEX "free_clinic_events_rels_departments_id_idx" ON "free_clinic_events_rels" USING btree ("departments_id");
  CREATE INDEX "_free_clinic_events_v_version_sessions_order_idx" ON "_free_clinic_events_v_version_sessions" USING btree ("_order");
  CREATE INDEX "_free_clinic_events_v_version_sessions_parent_id_idx" ON "_free_clinic_events_v_version_sessions" USING btree ("_parent_id");
  CREATE INDEX "_free_clinic_events_v_version_doctors_order_idx" ON "_free_clinic_events_v_version_doctors" USING btree ("_order");
  CREATE INDEX "_free_clinic_events_v_version_doctors_parent_id_idx" ON "_free_clinic_events_v_version_doctors" USING btree ("_parent_id");
  CREATE INDEX "_free_clinic_events_v_version_doctors_department_idx" ON "_free_clinic_events_v_version_doctors" USING btree ("department_id");
  CREATE INDEX "_free_clinic_events_v_parent_idx" ON "_free_clinic_events_v" USING btree ("parent_id");
  CREATE INDEX "_free_clinic_events_v_version_version_audience_idx" ON "_free_clinic_events_v" USING btree ("version_audience");
  CREATE INDEX "_free_clinic_events_v_version_version_poster_idx" ON "_free_clinic_events_v" USING btree ("version_poster_id");
  CREATE INDEX "_free_clinic_events_v_version_version_publish_at_idx" ON "_free_clinic_events_v" USING btree ("version_publish_at");
  CREATE INDEX "_free_clinic_events_v_version_version_expire_at_idx" ON "_free_clinic_events_v" USING btree ("version_expire_at");
  CREATE INDEX "_free_clinic_events_v_version_version_workflow_state_idx" ON "_free_clinic_events_v" USING btree ("version_workflow_state");
  CREATE INDEX "_free_clinic_events_v_version_version_created_by_idx" ON "_free_clinic_events_v" USING btree ("version_created_by_id");
  CREATE INDEX "_free_clinic_events_v_version_version_last_edited_by_idx" ON "_free_clinic_events_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_free_clinic_events_v_version_version_submitted_by_idx" ON "_free_clinic_events_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_free_clinic_events_v_version_version_decided_by_idx" ON "_free_clinic_events_v" USING btree ("version_decided_by_id");
  CREATE INDEX "_free_clinic_events_v_version_version_updated_at_idx" ON "_free_clinic_events_v" USING btree ("version_updated_at");
  CREATE INDEX "_free_clinic_events_v_version_version_created_at_idx" ON "_free_clinic_events_v" USING btree ("version_created_at");
  CREATE INDEX "_free_clinic_events_v_version_version__status_idx" ON "_free_clinic_events_v" USING btree ("version__status");
  CREATE INDEX "_free_clinic_events_v_created_at_idx" ON "_free_clinic_events_v" USING btree ("created_at");
  CREATE INDEX "_free_clinic_events_v_updated_at_idx" ON "_free_clinic_events_v" USING btree ("updated_at");
  CREATE INDEX "_free_clinic_events_v_latest_idx" ON "_free_clinic_events_v" USING btree ("latest");
  CREATE INDEX "_free_clinic_events_v_rels_order_idx" ON "_free_clinic_events_v_rels" USING btree ("order");
  CREATE INDEX "_free_clinic_events_v_rels_parent_idx" ON "_free_clinic_events_v_rels" USING btree ("parent_id");
  CREATE INDEX "_free_clinic_events_v_rels_path_idx" ON "_free_clinic_events_v_rels" USING btree ("path");
  CREATE INDEX "_free_clinic_events_v_rels_departments_id_idx" ON "_free_clinic_events_v_rels" USING btree ("departments_id");
  CREATE INDEX "promo_videos_audience_idx" ON "promo_videos" USING btree ("audience");
  CREATE INDEX "promo_videos_publish_at_idx" ON "promo_videos" USING btree ("publish_at");
  CREATE INDEX "promo_videos_expire_at_idx" ON "promo_videos" USING btree ("expire_at");
  CREATE INDEX "promo_videos_workflow_state_idx" ON "promo_videos" USING btree ("workflow_state");
  CREATE INDEX "promo_videos_created_by_idx" ON "promo_videos" USING btree ("created_by_id");
  CREATE INDEX "promo_videos_last_edited_by_idx" ON "promo_videos" USING btree ("last_edited_by_id");
  CREATE INDEX "promo_videos_submitted_by_idx" ON "promo_videos" USING btree ("submitted_by_id");
  CREATE INDEX "promo_videos_decided_by_idx" ON "promo_videos" USING btree ("decided_by_id");
  CREATE INDEX "promo_videos_updated_at_idx" ON "promo_videos" USING btree ("updated_at");
  CREATE INDEX "promo_videos_created_at_idx" ON "promo_videos" USING btree ("created_at");
  CREATE INDEX "promo_videos__status_idx" ON "promo_videos" USING btree ("_status");
  CREATE UNIQUE INDEX "promo_videos_filename_idx" ON "promo_videos" USING btree ("filename");
  CREATE INDEX "promo_videos_texts_order_parent" ON "promo_videos_texts" USING btree ("order","parent_id");
  CREATE INDEX "promo_videos_rels_order_idx" ON "promo_videos_rels" USING btree ("order");
  CREATE INDEX "promo_videos_rels_parent_idx" ON "promo_videos_rels" USING btree ("parent_id");
  CREATE INDEX "promo_videos_rels_path_idx" ON "promo_videos_rels" USING btree ("path");
  CREATE INDEX "promo_videos_rels_departments_id_idx" ON "promo_videos_rels" USING btree ("departments_id");
  CREATE INDEX "_promo_videos_v_parent_idx" ON "_promo_videos_v" USING btree ("parent_id");
  CREATE INDEX "_promo_videos_v_version_version_audience_idx" ON "_promo_videos_v" USING btree ("version_audience");
  CREATE INDEX "_promo_videos_v_version_version_publish_at_idx" ON "_promo_videos_v" USING btree ("version_publish_at");
  CREATE INDEX "_promo_videos_v_version_version_expire_at_idx" ON "_promo_videos_v" USING btree ("version_expire_at");
  CREATE INDEX "_promo_videos_v_version_version_workflow_state_idx" ON "_promo_videos_v" USING btree ("version_workflow_state");
  CREATE INDEX "_promo_videos_v_version_version_created_by_idx" ON "_promo_videos_v" USING btree ("version_created_by_id");
  CREATE INDEX "_promo_videos_v_version_version_last_edited_by_idx" ON "_promo_videos_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_promo_videos_v_version_version_submitted_by_idx" ON "_promo_videos_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_promo_videos_v_version_version_decided_by_idx" ON "_promo_videos_v" USING btree ("version_decided_by_id");
  CREATE INDEX "_promo_videos_v_version_version_updated_at_idx" ON "_promo_videos_v" USING btree ("version_updated_at");
  CREATE INDEX "_promo_videos_v_version_version_created_at_idx" ON "_promo_videos_v" USING btree ("version_created_at");
  CREATE INDEX "_promo_videos_v_version_version__status_idx" ON "_promo_videos_v" USING btree ("version__status");
  CREATE INDEX "_promo_videos_v_version_version_filename_idx" ON "_promo_videos_v" USING btree ("version_filename");
  CREATE INDEX "_promo_videos_v_created_at_idx" ON "_promo_videos_v" USING btree ("created_at");
  CREATE INDEX "_promo_videos_v_updated_at_idx" ON "_promo_videos_v" USING btree ("updated_at");
  CREATE INDEX "_promo_videos_v_latest_idx" ON "_promo_videos_v" USING btree ("latest");
  CREATE INDEX "_promo_videos_v_texts_order_parent" ON "_promo_videos_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_promo_videos_v_rels_order_idx" ON "_promo_videos_v_rels" USING btree ("order");
  CREATE INDEX "_promo_videos_v_rels_parent_idx" ON "_promo_videos_v_rels" USING btree ("parent_id");
  CREATE INDEX "_promo_videos_v_rels_path_idx" ON "_promo_videos_v_rels" USING btree ("path");
  CREATE INDEX "_promo_videos_v_rels_departments_id_idx" ON "_promo_videos_v_rels" USING btree ("departments_id");
  CREATE INDEX "brochures_audience_idx" ON "brochures" USING btree ("audience");
  CREATE INDEX "brochures_publish_at_idx" ON "brochures" USING btree ("publish_at");
  CREATE INDEX "brochures_expire_at_idx" ON "brochures" USING btree ("expire_at");
  CREATE INDEX "brochures_workflow_state_idx" ON "brochures" USING btree ("workflow_state");
  CREATE INDEX "brochures_created_by_idx" ON "brochures" USING btree ("created_by_id");
  CREATE INDEX "brochures_last_edited_by_idx" ON "brochures" USING btree ("last_edited_by_id");
  CREATE INDEX "brochures_submitted_by_idx" ON "brochures" USING btree ("submitted_by_id");
  CREATE INDEX "brochures_decided_by_idx" ON "brochures" USING btree ("decided_by_id");
  CREATE INDEX "brochures_updated_at_idx" ON "brochures" USING btree ("updated_at");
  CREATE INDEX "brochures_created_at_idx" ON "brochures" USING btree ("created_at");
  CREATE INDEX "brochures__status_idx" ON "brochures" USING btree ("_status");
  CREATE UNIQUE INDEX "brochures_filename_idx" ON "brochures" USING btree ("filename");
  CREATE INDEX "brochures_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "brochures" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "brochures_sizes_thumbnail_webp_sizes_thumbnail_webp_file_idx" ON "brochures" USING btree ("sizes_thumbnail_webp_filename");
  CREATE INDEX "brochures_sizes_card_sizes_card_filename_idx" ON "brochures" USING btree ("sizes_card_filename");
  CREATE INDEX "brochures_sizes_card_webp_sizes_card_webp_filename_idx" ON "brochures" USING btree ("sizes_card_webp_filename");
  CREATE INDEX "brochures_sizes_hero_sizes_hero_filename_idx" ON "brochures" USING btree ("sizes_hero_filename");
  CREATE INDEX "brochures_sizes_hero_webp_sizes_hero_webp_filename_idx" ON "brochures" USING btree ("sizes_hero_webp_filename");
  CREATE INDEX "brochures_rels_order_idx" ON "brochures_rels" USING btree ("order");
  CREATE INDEX "brochures_rels_parent_idx" ON "brochures_rels" USING btree ("parent_id");
  CREATE INDEX "brochures_rels_path_idx" ON "brochures_rels" USING btree ("path");
  CREATE INDEX "brochures_rels_departments_id_idx" ON "brochures_rels" USING btree ("departments_id");
  CREATE INDEX "_brochures_v_parent_idx" ON "_brochures_v" USING btree ("parent_id");
  CREATE INDEX "_brochures_v_version_version_audience_idx" ON "_brochures_v" USING btree ("version_audience");
  CREATE INDEX "_brochures_v_version_version_publish_at_idx" ON "_brochures_v" USING btree ("version_publish_at");
  CREATE INDEX "_brochures_v_version_version_expire_at_idx" ON "_brochures_v" USING btree ("version_expire_at");
  CREATE INDEX "_brochures_v_version_version_workflow_state_idx" ON "_brochures_v" USING btree ("version_workflow_state");
  CREATE INDEX "_brochures_v_version_version_created_by_idx" ON "_brochures_v" USING btree ("version_created_by_id");
  CREATE INDEX "_brochures_v_version_version_last_edited_by_idx" ON "_brochures_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_brochures_v_version_version_submitted_by_idx" ON "_brochures_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_brochures_v_version_version_decided_by_idx" ON "_brochures_v" USING btree ("version_decided_by_id");
  CREATE INDEX "_brochures_v_version_version_updated_at_idx" ON "_brochures_v" USING btree ("version_updated_at");
  CREATE INDEX "_brochures_v_version_version_created_at_idx" ON "_brochures_v" USING btree ("version_created_at");
  CREATE INDEX "_brochures_v_version_version__status_idx" ON "_brochures_v" USING btree ("version__status");
  CREATE INDEX "_brochures_v_version_version_filename_idx" ON "_brochures_v" USING btree ("version_filename");
  CREATE INDEX "_brochures_v_version_sizes_thumbnail_version_sizes_thumb_idx" ON "_brochures_v" USING btree ("version_sizes_thumbnail_filename");
  CREATE INDEX "_brochures_v_version_sizes_thumbnail_webp_version_sizes__idx" ON "_brochures_v" USING btree ("version_sizes_thumbnail_webp_filename");
  CREATE INDEX "_brochures_v_version_sizes_card_version_sizes_card_filen_idx" ON "_brochures_v" USING btree ("version_sizes_card_filename");
  CREATE INDEX "_brochures_v_version_sizes_card_webp_version_sizes_card__idx" ON "_brochures_v" USING btree ("version_sizes_card_webp_filename");
  CREATE INDEX "_brochures_v_version_sizes_hero_version_sizes_hero_filen_idx" ON "_brochures_v" USING btree ("version_sizes_hero_filename");
  CREATE INDEX "_brochures_v_version_sizes_hero_webp_version_sizes_hero__idx" ON "_brochures_v" USING btree ("version_sizes_hero_webp_filename");
  CREATE INDEX "_brochures_v_created_at_idx" ON "_brochures_v" USING btree ("created_at");
  CREATE INDEX "_brochures_v_updated_at_idx" ON "_brochures_v" USING btree ("updated_at");
  CREATE INDEX "_brochures_v_latest_idx" ON "_brochures_v" USING btree ("latest");
  CREATE INDEX "_brochures_v_rels_order_idx" ON "_brochures_v_rels" USING btree ("order");
  CREATE INDEX "_brochures_v_rels_parent_idx" ON "_brochures_v_rels" USING btree ("parent_id");
  CREATE INDEX "_brochures_v_rels_path_idx" ON "_brochures_v_rels" USING btree ("path");
  CREATE INDEX "_brochures_v_rels_departments_id_idx" ON "_brochures_v_rels" USING btree ("departments_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_hero_sizes_hero_filename_idx" ON "media" USING btree ("sizes_hero_filename");
  CREATE INDEX "media_sizes_thumbnail_webp_sizes_thumbnail_webp_filename_idx" ON "media" USING btree ("sizes_thumbnail_webp_filename");
  CREATE INDEX "media_sizes_card_webp_sizes_card_webp_filename_idx" ON "media" USING btree ("sizes_card_webp_filename");
  CREATE INDEX "media_sizes_hero_webp_sizes_hero_webp_filename_idx" ON "media" USING btree ("sizes_hero_webp_filename");
  CREATE INDEX "video_transcodes_video_idx" ON "video_transcodes" USING btree ("video_id");
  CREATE INDEX "video_transcodes_source_idx" ON "video_transcodes" USING btree ("source");
  CREATE INDEX "video_transcodes_status_idx" ON "video_transcodes" USING btree ("status");
  CREATE INDEX "video_transcodes_updated_at_idx" ON "video_transcodes" USING btree ("updated_at");
  CREATE INDEX "video_transcodes_created_at_idx" ON "video_transcodes" USING btree ("created_at");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "users_rels_order_idx" ON "users_rels" USING btree ("order");
  CREATE INDEX "users_rels_parent_idx" ON "users_rels" USING btree ("parent_id");
  CREATE INDEX "users_rels_path_idx" ON "users_rels" USING btree ("path");
  CREATE INDEX "users_rels_departments_id_idx" ON "users_rels" USING btree ("departments_id");
  CREATE UNIQUE INDEX "departments_code_idx" ON "departments" USING btree ("code");
  CREATE INDEX "departments_active_idx" ON "departments" USING btree ("active");
  CREATE INDEX "departments_updated_at_idx" ON "departments" USING btree ("updated_at");
  CREATE INDEX "departments_created_at_idx" ON "departments" USING btree ("created_at");
  CREATE INDEX "app_clients_feeds_order_idx" ON "app_clients_feeds" USING btree ("order");
  CREATE INDEX "app_clients_feeds_parent_idx" ON "app_clients_feeds" USING btree ("parent_id");
  CREATE INDEX "app_clients_active_idx" ON "app_clients" USING btree ("active");
  CREATE INDEX "app_clients_api_key_hash_idx" ON "app_clients" USING btree ("api_key_hash");
  CREATE INDEX "app_clients_updated_at_idx" ON "app_clients" USING btree ("updated_at");
  CREATE INDEX "app_clients_created_at_idx" ON "app_clients" USING btree ("created_at");
  CREATE INDEX "webhook_deliveries_attempts_log_order_idx" ON "webhook_deliveries_attempts_log" USING btree ("_order");
  CREATE INDEX "webhook_deliveries_attempts_log_parent_id_idx" ON "webhook_deliveries_attempts_log" USING btree ("_parent_id");
  CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries" USING btree ("event_id");
  CREATE INDEX "webhook_deliveries_client_idx" ON "webhook_deliveries" USING btree ("client_id");
  CREATE INDEX "webhook_deliveries_document_id_idx" ON "webhook_deliveries" USING btree ("document_id");
  CREATE INDEX "webhook_deliveries_status_idx" ON "webhook_deliveries" USING btree ("status");
  CREATE INDEX "webhook_deliveries_updated_at_idx" ON "webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");
  CREATE INDEX "status_nextAttemptAt_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");
  CREATE UNIQUE INDEX "day_collectionSlug_itemId_audience_placement_platform_ba_idx" ON "feed_event_counts" USING btree ("day","collection_slug","item_id","audience","placement","platform","batch");
  CREATE INDEX "collectionSlug_itemId_day_idx" ON "feed_event_counts" USING btree ("collection_slug","item_id","day");
  CREATE UNIQUE INDEX "schedule_claims_key_idx" ON "schedule_claims" USING btree ("key");
  CREATE INDEX "schedule_claims_updated_at_idx" ON "schedule_claims" USING btree ("updated_at");
  CREATE INDEX "schedule_claims_created_at_idx" ON "schedule_claims" USING btree ("created_at");
  CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");
  CREATE INDEX "audit_log_actor_email_idx" ON "audit_log" USING btree ("actor_email");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_collection_slug_idx" ON "audit_log" USING btree ("collection_slug");
  CREATE INDEX "audit_log_document_id_idx" ON "audit_log" USING btree ("document_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  CREATE INDEX "collectionSlug_documentId_idx" ON "audit_log" USING btree ("collection_slug","document_id");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_notices_id_idx" ON "payload_locked_documents_rels" USING btree ("notices_id");
  CREATE INDEX "payload_locked_documents_rels_free_clinic_events_id_idx" ON "payload_locked_documents_rels" USING btree ("free_clinic_events_id");
  CREATE INDEX "payload_locked_documents_rels_promo_videos_id_idx" ON "payload_locked_documents_rels" USING btree ("promo_videos_id");
  CREATE INDEX "payload_locked_documents_rels_brochures_id_idx" ON "payload_locked_documents_rels" USING btree ("brochures_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_video_transcodes_id_idx" ON "payload_locked_documents_rels" USING btree ("video_transcodes_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_departments_id_idx" ON "payload_locked_documents_rels" USING btree ("departments_id");
  CREATE INDEX "payload_locked_documents_rels_app_clients_id_idx" ON "payload_locked_documents_rels" USING btree ("app_clients_id");
  CREATE INDEX "payload_locked_documents_rels_schedule_claims_id_idx" ON "payload_locked_documents_rels" USING btree ("schedule_claims_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "notices_platforms" CASCADE;
  DROP TABLE "notices" CASCADE;
  DROP TABLE "notices_rels" CASCADE;
  DROP TABLE "_notices_v_version_platforms" CASCADE;
  DROP TABLE "_notices_v" CASCADE;
  DROP TABLE "_notices_v_rels" CASCADE;
  DROP TABLE "free_clinic_events_sessions" CASCADE;
  DROP TABLE "free_clinic_events_doctors" CASCADE;
  DROP TABLE "free_clinic_events" CASCADE;
  DROP TABLE "free_clinic_events_rels" CASCADE;
  DROP TABLE "_free_clinic_events_v_version_sessions" CASCADE;
  DROP TABLE "_free_clinic_events_v_version_doctors" CASCADE;
  DROP TABLE "_free_clinic_events_v" CASCADE;
  DROP TABLE "_free_clinic_events_v_rels" CASCADE;
  DROP TABLE "promo_videos" CASCADE;
  DROP TABLE "promo_videos_texts" CASCADE;
  DROP TABLE "promo_videos_rels" CASCADE;
  DROP TABLE "_promo_videos_v" CASCADE;
  DROP TABLE "_promo_videos_v_texts" CASCADE;
  DROP TABLE "_promo_videos_v_rels" CASCADE;
  DROP TABLE "brochures" CASCADE;
  DROP TABLE "brochures_rels" CASCADE;
  DROP TABLE "_brochures_v" CASCADE;
  DROP TABLE "_brochures_v_rels" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "video_transcodes" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "users_rels" CASCADE;
  DROP TABLE "departments" CASCADE;
  DROP TABLE "app_clients_feeds" CASCADE;
  DROP TABLE "app_clients" CASCADE;
  DROP TABLE "webhook_deliveries_attempts_log" CASCADE;
  DROP TABLE "webhook_deliveries" CASCADE;
  DROP TABLE "feed_event_counts" CASCADE;
  DROP TABLE "schedule_claims" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_notices_platforms";
  DROP TYPE "public"."enum_notices_audience";
  DROP TYPE "public"."enum_notices_placement";
  DROP TYPE "public"."enum_notices_kind";
  DROP TYPE "public"."enum_notices_popup_frequency";
  DROP TYPE "public"."enum_notices_publishat_tz";
  DROP TYPE "public"."enum_notices_expireat_tz";
  DROP TYPE "public"."enum_notices_workflow_state";
  DROP TYPE "public"."enum_notices_status";
  DROP TYPE "public"."enum__notices_v_version_platforms";
  DROP TYPE "public"."enum__notices_v_version_audience";
  DROP TYPE "public"."enum__notices_v_version_placement";
  DROP TYPE "public"."enum__notices_v_version_kind";
  DROP TYPE "public"."enum__notices_v_version_popup_frequency";
  DROP TYPE "public"."enum__notices_v_version_publishat_tz";
  DROP TYPE "public"."enum__notices_v_version_expireat_tz";
  DROP TYPE "public"."enum__notices_v_version_workflow_state";
  DROP TYPE "public"."enum__notices_v_version_status";
  DROP TYPE "public"."enum_free_clinic_events_sessions_startsat_tz";
  DROP TYPE "public"."enum_free_clinic_events_sessions_endsat_tz";
  DROP TYPE "public"."enum_free_clinic_events_audience";
  DROP TYPE "public"."enum_free_clinic_events_mode";
  DROP TYPE "public"."enum_free_clinic_events_publishat_tz";
  DROP TYPE "public"."enum_free_clinic_events_expireat_tz";
  DROP TYPE "public"."enum_free_clinic_events_workflow_state";
  DROP TYPE "public"."enum_free_clinic_events_status";
  DROP TYPE "public"."enum__free_clinic_events_v_version_sessions_startsat_tz";
  DROP TYPE "public"."enum__free_clinic_events_v_version_sessions_endsat_tz";
  DROP TYPE "public"."enum__free_clinic_events_v_version_audience";
  DROP TYPE "public"."enum__free_clinic_events_v_version_mode";
  DROP TYPE "public"."enum__free_clinic_events_v_version_publishat_tz";
  DROP TYPE "public"."enum__free_clinic_events_v_version_expireat_tz";
  DROP TYPE "public"."enum__free_clinic_events_v_version_workflow_state";
  DROP TYPE "public"."enum__free_clinic_events_v_version_status";
  DROP TYPE "public"."enum_promo_videos_audience";
  DROP TYPE "public"."enum_promo_videos_publishat_tz";
  DROP TYPE "public"."enum_promo_videos_expireat_tz";
  DROP TYPE "public"."enum_promo_videos_workflow_state";
  DROP TYPE "public"."enum_promo_videos_status";
  DROP TYPE "public"."enum__promo_videos_v_version_audience";
  DROP TYPE "public"."enum__promo_videos_v_version_publishat_tz";
  DROP TYPE "public"."enum__promo_videos_v_version_expireat_tz";
  DROP TYPE "public"."enum__promo_videos_v_version_workflow_state";
  DROP TYPE "public"."enum__promo_videos_v_version_status";
  DROP TYPE "public"."enum_brochures_audience";
  DROP TYPE "public"."enum_brochures_publishat_tz";
  DROP TYPE "public"."enum_brochures_expireat_tz";
  DROP TYPE "public"."enum_brochures_workflow_state";
  DROP TYPE "public"."enum_brochures_status";
  DROP TYPE "public"."enum__brochures_v_version_audience";
  DROP TYPE "public"."enum__brochures_v_version_publishat_tz";
  DROP TYPE "public"."enum__brochures_v_version_expireat_tz";
  DROP TYPE "public"."enum__brochures_v_version_workflow_state";
  DROP TYPE "public"."enum__brochures_v_version_status";
  DROP TYPE "public"."enum_video_transcodes_status";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_departments_category";
  DROP TYPE "public"."enum_app_clients_feeds";
  DROP TYPE "public"."enum_webhook_deliveries_event_type";
  DROP TYPE "public"."enum_webhook_deliveries_status";
  DROP TYPE "public"."enum_feed_event_counts_collection_slug";
  DROP TYPE "public"."enum_feed_event_counts_audience";
  DROP TYPE "public"."enum_feed_event_counts_placement";
  DROP TYPE "public"."enum_feed_event_counts_platform";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
