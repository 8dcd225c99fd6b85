import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "login_failures" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"ip" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "notices_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "_notices_v_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "free_clinic_events_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "_free_clinic_events_v_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "promo_videos_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "_promo_videos_v_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "brochures_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "_brochures_v_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "login_failures_id" integer;
  CREATE INDEX "login_failures_key_idx" ON "login_failures" USING btree ("key");
  CREATE INDEX "login_failures_updated_at_idx" ON "login_failures" USING btree ("updated_at");
  CREATE INDEX "login_failures_created_at_idx" ON "login_failures" USING btree ("created_at");
  ALTER TABLE "notices_rels" ADD CONSTRAINT "notices_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_rels" ADD CONSTRAINT "_notices_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "free_clinic_events_rels" ADD CONSTRAINT "free_clinic_events_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_free_clinic_events_v_rels" ADD CONSTRAINT "_free_clinic_events_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "promo_videos_rels" ADD CONSTRAINT "promo_videos_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_promo_videos_v_rels" ADD CONSTRAINT "_promo_videos_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "brochures_rels" ADD CONSTRAINT "brochures_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_brochures_v_rels" ADD CONSTRAINT "_brochures_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_login_failures_fk" FOREIGN KEY ("login_failures_id") REFERENCES "public"."login_failures"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "notices_rels_users_id_idx" ON "notices_rels" USING btree ("users_id");
  CREATE INDEX "_notices_v_rels_users_id_idx" ON "_notices_v_rels" USING btree ("users_id");
  CREATE INDEX "free_clinic_events_rels_users_id_idx" ON "free_clinic_events_rels" USING btree ("users_id");
  CREATE INDEX "_free_clinic_events_v_rels_users_id_idx" ON "_free_clinic_events_v_rels" USING btree ("users_id");
  CREATE INDEX "promo_videos_rels_users_id_idx" ON "promo_videos_rels" USING btree ("users_id");
  CREATE INDEX "_promo_videos_v_rels_users_id_idx" ON "_promo_videos_v_rels" USING btree ("users_id");
  CREATE INDEX "brochures_rels_users_id_idx" ON "brochures_rels" USING btree ("users_id");
  CREATE INDEX "_brochures_v_rels_users_id_idx" ON "_brochures_v_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_login_failures_id_idx" ON "payload_locked_documents_rels" USING btree ("login_failures_id");
  ALTER TABLE "users" DROP COLUMN "reset_password_requested_at";
  ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "login_failures" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "login_failures" CASCADE;
  ALTER TABLE "notices_rels" DROP CONSTRAINT "notices_rels_users_fk";
  
  ALTER TABLE "_notices_v_rels" DROP CONSTRAINT "_notices_v_rels_users_fk";
  
  ALTER TABLE "free_clinic_events_rels" DROP CONSTRAINT "free_clinic_events_rels_users_fk";
  
  ALTER TABLE "_free_clinic_events_v_rels" DROP CONSTRAINT "_free_clinic_events_v_rels_users_fk";
  
  ALTER TABLE "promo_videos_rels" DROP CONSTRAINT "promo_videos_rels_users_fk";
  
  ALTER TABLE "_promo_videos_v_rels" DROP CONSTRAINT "_promo_videos_v_rels_users_fk";
  
  ALTER TABLE "brochures_rels" DROP CONSTRAINT "brochures_rels_users_fk";
  
  ALTER TABLE "_brochures_v_rels" DROP CONSTRAINT "_brochures_v_rels_users_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_login_failures_fk";
  
  DROP INDEX "notices_rels_users_id_idx";
  DROP INDEX "_notices_v_rels_users_id_idx";
  DROP INDEX "free_clinic_events_rels_users_id_idx";
  DROP INDEX "_free_clinic_events_v_rels_users_id_idx";
  DROP INDEX "promo_videos_rels_users_id_idx";
  DROP INDEX "_promo_videos_v_rels_users_id_idx";
  DROP INDEX "brochures_rels_users_id_idx";
  DROP INDEX "_brochures_v_rels_users_id_idx";
  DROP INDEX "payload_locked_documents_rels_login_failures_id_idx";
  ALTER TABLE "users" ADD COLUMN "reset_password_requested_at" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "notices_rels" DROP COLUMN "users_id";
  ALTER TABLE "_notices_v_rels" DROP COLUMN "users_id";
  ALTER TABLE "free_clinic_events_rels" DROP COLUMN "users_id";
  ALTER TABLE "_free_clinic_events_v_rels" DROP COLUMN "users_id";
  ALTER TABLE "promo_videos_rels" DROP COLUMN "users_id";
  ALTER TABLE "_promo_videos_v_rels" DROP COLUMN "users_id";
  ALTER TABLE "brochures_rels" DROP COLUMN "users_id";
  ALTER TABLE "_brochures_v_rels" DROP COLUMN "users_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "login_failures_id";`)
}
