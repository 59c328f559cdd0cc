import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795457617208 implements MigrationInterface {
  name = 'Initial1795457617208';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "users" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "email" character varying(254), "display_name" character varying(80) NOT NULL, "password_hash" character varying(255), "role" character varying(16) NOT NULL DEFAULT \'member\', "trust_level" smallint NOT NULL DEFAULT \'0\', "reputation" integer NOT NULL DEFAULT \'0\', "imported_from" character varying(120), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_trust_level_check" CHECK ("trust_level" BETWEEN 0 AND 4), CONSTRAINT "users_role_check" CHECK ("role" IN (\'member\', \'moderator\', \'agent\', \'admin\')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email") ');
    await queryRunner.query(
      'CREATE TABLE "sessions" ("token_hash" character varying(64) NOT NULL, "user_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_abaa9e068cdd390bc5210f79884" PRIMARY KEY ("token_hash"))',
    );
    await queryRunner.query('CREATE INDEX "sessions_user_id_idx" ON "sessions"  ("user_id") ');
    await queryRunner.query('CREATE INDEX "sessions_expires_at_idx" ON "sessions"  ("expires_at") ');
    await queryRunner.query(
      'CREATE TABLE "spaces" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "slug" character varying(60) NOT NULL, "name" character varying(80) NOT NULL, "description" text NOT NULL DEFAULT \'\', "position" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dbe542974aca57afcb60709d4c8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "spaces_slug_key" ON "spaces"  ("slug") ');
    await queryRunner.query(
      'CREATE TABLE "questions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "space_id" bigint NOT NULL, "author_id" bigint NOT NULL, "title" character varying(300) NOT NULL, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'open\', "score" integer NOT NULL DEFAULT \'0\', "answer_count" integer NOT NULL DEFAULT \'0\', "accepted_answer_id" bigint, "client_mutation_id" character varying(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "last_activity_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "solved_at" TIMESTAMP(3) WITH TIME ZONE, "duplicate_of_id" bigint, "closed_reason" character varying(32), "source_name" character varying(120), "source_url" character varying(500), "source_license" character varying(60), "view_count" integer NOT NULL DEFAULT \'0\', CONSTRAINT "questions_answer_count_check" CHECK ("answer_count" >= 0), CONSTRAINT "questions_solved_check" CHECK (("status" <> \'solved\' OR "accepted_answer_id" IS NOT NULL) AND ("accepted_answer_id" IS NULL OR "status" IN (\'solved\', \'closed\'))), CONSTRAINT "questions_status_check" CHECK ("status" IN (\'open\', \'answered\', \'solved\', \'closed\')), CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "questions_client_mutation_key" ON "questions"  ("author_id", "client_mutation_id") WHERE "client_mutation_id" IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "questions_author_idx" ON "questions"  ("author_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "questions_solved_idx" ON "questions"  ("solved_at", "id") WHERE "status" = \'solved\'');
    await queryRunner.query('CREATE INDEX "questions_space_created_idx" ON "questions"  ("space_id", "created_at", "id") ');
    await queryRunner.query('CREATE INDEX "questions_activity_idx" ON "questions"  ("last_activity_at", "id") ');
    await queryRunner.query('CREATE INDEX "questions_created_idx" ON "questions"  ("created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "answers" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "question_id" bigint NOT NULL, "author_id" bigint NOT NULL, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "score" integer NOT NULL DEFAULT \'0\', "client_mutation_id" character varying(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9c32cec6c71e06da0254f2226c6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "answers_client_mutation_key" ON "answers"  ("author_id", "client_mutation_id") WHERE "client_mutation_id" IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "answers_author_idx" ON "answers"  ("author_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "answers_question_idx" ON "answers"  ("question_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "comments" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "question_id" bigint NOT NULL, "answer_id" bigint, "author_id" bigint NOT NULL, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "client_mutation_id" character varying(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "comments_client_mutation_key" ON "comments"  ("author_id", "client_mutation_id") WHERE "client_mutation_id" IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "comments_answer_idx" ON "comments"  ("answer_id") WHERE "answer_id" IS NOT NULL');
    await queryRunner.query('CREATE INDEX "comments_question_idx" ON "comments"  ("question_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "post_revisions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "question_id" bigint, "answer_id" bigint, "editor_id" bigint NOT NULL, "title" character varying(300), "body_markdown" text NOT NULL, "tags" text array, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "post_revisions_target_check" CHECK (num_nonnulls("question_id", "answer_id") = 1), CONSTRAINT "PK_871219c3d5044d70ff7d59480b8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "post_revisions_answer_idx" ON "post_revisions"  ("answer_id", "created_at") WHERE "answer_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "post_revisions_question_idx" ON "post_revisions"  ("question_id", "created_at") WHERE "question_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "tags" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "slug" character varying(30) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tags_slug_check" CHECK ("slug" ~ \'^[a-z0-9][a-z0-9-]*$\'), CONSTRAINT "PK_e7dc17249a1148a1970748eda99" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "tags_slug_key" ON "tags"  ("slug") ');
    await queryRunner.query(
      'CREATE TABLE "question_tags" ("question_id" bigint NOT NULL, "tag_id" bigint NOT NULL, CONSTRAINT "PK_1c7296b35b6f04f8a7c245cccdc" PRIMARY KEY ("question_id", "tag_id"))',
    );
    await queryRunner.query('CREATE INDEX "question_tags_tag_id_idx" ON "question_tags"  ("tag_id") ');
    await queryRunner.query(
      'CREATE TABLE "votes" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "user_id" bigint NOT NULL, "question_id" bigint, "answer_id" bigint, "value" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "votes_target_check" CHECK (num_nonnulls("question_id", "answer_id") = 1), CONSTRAINT "votes_value_check" CHECK ("value" IN (-1, 1)), CONSTRAINT "PK_f3d9fd4a0af865152c3f59db8ff" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "votes_answer_key" ON "votes"  ("user_id", "answer_id") WHERE "answer_id" IS NOT NULL');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "votes_question_key" ON "votes"  ("user_id", "question_id") WHERE "question_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "external_refs" ("source" character varying(120) NOT NULL, "kind" character varying(16) NOT NULL, "external_id" character varying(64) NOT NULL, "internal_id" bigint NOT NULL, CONSTRAINT "PK_02c669bbc3896f300e0fc10984a" PRIMARY KEY ("source", "kind", "external_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "deflection_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "ask_session" character varying(64) NOT NULL, "question_id" bigint NOT NULL, "asked" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_05db14ebfef5e4ffc1920e3f2da" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "deflection_events_created_idx" ON "deflection_events"  ("created_at") ');
    await queryRunner.query('CREATE INDEX "deflection_events_session_idx" ON "deflection_events"  ("ask_session") ');
    await queryRunner.query(
      'CREATE TABLE "outbox_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "topic" character varying(64) NOT NULL, "aggregate_id" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "outbox_events_pending_idx" ON "outbox_events"  ("id") WHERE "processed_at" IS NULL');
    await queryRunner.query(
      'CREATE TABLE "rate_limit_buckets" ("key" character varying(200) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_70ba71f3f09699ab2a393590e06" PRIMARY KEY ("key", "window_start"))',
    );
    await queryRunner.query('CREATE INDEX "rate_limit_buckets_window_idx" ON "rate_limit_buckets"  ("window_start") ');
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "questions" ADD CONSTRAINT "FK_29982adbe8c4db50b58cd557425" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "questions" ADD CONSTRAINT "FK_dcaac7adf4b5af7bc980ec5250e" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "questions" ADD CONSTRAINT "FK_8f308c37baf355ee59b66ff3a09" FOREIGN KEY ("accepted_answer_id") REFERENCES "answers"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "questions" ADD CONSTRAINT "FK_17bb142c2af2039e5d871433ced" FOREIGN KEY ("duplicate_of_id") REFERENCES "questions"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "answers" ADD CONSTRAINT "FK_677120094cf6d3f12df0b9dc5d3" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "answers" ADD CONSTRAINT "FK_3a1ad37b311f0f3bdda728e507f" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_8a7f0e1af904d87ccee32d4de32" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_235829ea2864b85eca93a90d92e" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_e6d38899c31997c45d128a8973b" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_revisions" ADD CONSTRAINT "FK_3e39e669c83dcb080494b191d9b" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_revisions" ADD CONSTRAINT "FK_69b081d346a47df310699daba13" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_revisions" ADD CONSTRAINT "FK_d4cc016eff941f8be976ba83d2a" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "question_tags" ADD CONSTRAINT "FK_da3d79ee83f674d9f5fc9cc88d0" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "question_tags" ADD CONSTRAINT "FK_497e97015cc760e52aa0b8c2586" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "votes" ADD CONSTRAINT "FK_27be2cab62274f6876ad6a31641" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "votes" ADD CONSTRAINT "FK_64d599e35a82d2f4396e5380811" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "votes" ADD CONSTRAINT "FK_47c1b96c18bd04fa26f8a9fde96" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Search documents: a denormalized, public-only view of each thread (see api/src/search).
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query(
      'CREATE TABLE "search_documents" ("question_id" bigint PRIMARY KEY REFERENCES "questions"("id") ON DELETE CASCADE, "space_id" bigint NOT NULL, "status" character varying(16) NOT NULL, "tags" text[] NOT NULL DEFAULT \'{}\', "title" text NOT NULL, "title_folded" text NOT NULL, "body_text" text NOT NULL, "answers_text" text NOT NULL, "accepted_excerpt" text, "document" tsvector NOT NULL, "score" integer NOT NULL, "answer_count" integer NOT NULL, "verified" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_activity_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())',
    );
    await queryRunner.query('CREATE INDEX "search_documents_document_idx" ON "search_documents" USING gin ("document")');
    await queryRunner.query('CREATE INDEX "search_documents_title_trgm_idx" ON "search_documents" USING gin ("title_folded" gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX "search_documents_space_idx" ON "search_documents" ("space_id")');
    await queryRunner.query('CREATE INDEX "search_documents_tags_idx" ON "search_documents" USING gin ("tags")');
    await queryRunner.query('CREATE TABLE "search_terms" ("lexeme" text PRIMARY KEY, "df" integer NOT NULL CHECK ("df" >= 0))');
    await queryRunner.query(
      'CREATE TABLE "search_stats" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "documents" bigint NOT NULL DEFAULT 0, "total_length" bigint NOT NULL DEFAULT 0)',
    );
    await queryRunner.query('INSERT INTO "search_stats" DEFAULT VALUES');
    await queryRunner.query('ALTER TABLE "search_documents" ADD "length" integer NOT NULL DEFAULT 0');
    // English and German stems in one vector. Each stemmer's output loses the other language's stopwords
    // (PostgreSQL's own Snowball lists), and angle brackets are blanked: the parser would read them as HTML tags.
    await queryRunner.query(
      "DO $do$\nDECLARE en_stems_of_german_stopwords text[]; de_stems_of_english_stopwords text[];\nBEGIN\n  SELECT coalesce(array_agg(DISTINCT l), '{}') INTO en_stems_of_german_stopwords FROM unnest(ARRAY['aber', 'alle', 'allem', 'allen', 'aller', 'alles', 'als', 'also', 'am', 'an', 'ander', 'andere', 'anderem', 'anderen', 'anderer', 'anderes', 'anderm', 'andern', 'anderr', 'anders', 'auch', 'auf', 'aus', 'bei', 'bin', 'bis', 'bist', 'da', 'damit', 'dann', 'der', 'den', 'des', 'dem', 'die', 'das', 'da\u00df', 'derselbe', 'derselben', 'denselben', 'desselben', 'demselben', 'dieselbe', 'dieselben', 'dasselbe', 'dazu', 'dein', 'deine', 'deinem', 'deinen', 'deiner', 'deines', 'denn', 'derer', 'dessen', 'dich', 'dir', 'du', 'dies', 'diese', 'diesem', 'diesen', 'dieser', 'dieses', 'doch', 'dort', 'durch', 'ein', 'eine', 'einem', 'einen', 'einer', 'eines', 'einig', 'einige', 'einigem', 'einigen', 'einiger', 'einiges', 'einmal', 'er', 'ihn', 'ihm', 'es', 'etwas', 'euer', 'eure', 'eurem', 'euren', 'eurer', 'eures', 'f\u00fcr', 'gegen', 'gewesen', 'hab', 'habe', 'haben', 'hat', 'hatte', 'hatten', 'hier', 'hin', 'hinter', 'ich', 'mich', 'mir', 'ihr', 'ihre', 'ihrem', 'ihren', 'ihrer', 'ihres', 'euch', 'im', 'in', 'indem', 'ins', 'ist', 'jede', 'jedem', 'jeden', 'jeder', 'jedes', 'jene', 'jenem', 'jenen', 'jener', 'jenes', 'jetzt', 'kann', 'kein', 'keine', 'keinem', 'keinen', 'keiner', 'keines', 'k\u00f6nnen', 'k\u00f6nnte', 'machen', 'man', 'manche', 'manchem', 'manchen', 'mancher', 'manches', 'mein', 'meine', 'meinem', 'meinen', 'meiner', 'meines', 'mit', 'muss', 'musste', 'nach', 'nicht', 'nichts', 'noch', 'nun', 'nur', 'ob', 'oder', 'ohne', 'sehr', 'sein', 'seine', 'seinem', 'seinen', 'seiner', 'seines', 'selbst', 'sich', 'sie', 'ihnen', 'sind', 'so', 'solche', 'solchem', 'solchen', 'solcher', 'solches', 'soll', 'sollte', 'sondern', 'sonst', '\u00fcber', 'um', 'und', 'uns', 'unse', 'unsem', 'unsen', 'unser', 'unses', 'unter', 'viel', 'vom', 'von', 'vor', 'w\u00e4hrend', 'war', 'waren', 'warst', 'was', 'weg', 'weil', 'weiter', 'welche', 'welchem', 'welchen', 'welcher', 'welches', 'wenn', 'werde', 'werden', 'wie', 'wieder', 'will', 'wir', 'wird', 'wirst', 'wo', 'wollen', 'wollte', 'w\u00fcrde', 'w\u00fcrden', 'zu', 'zum', 'zur', 'zwar', 'zwischen']) w, unnest(tsvector_to_array(to_tsvector('english'::regconfig, public.unaccent('public.unaccent'::regdictionary, w)))) l;\n  SELECT coalesce(array_agg(DISTINCT l), '{}') INTO de_stems_of_english_stopwords FROM unnest(ARRAY['i', 'me', 'my', 'myself', 'we', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself', 'yourselves', 'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their', 'theirs', 'themselves', 'what', 'which', 'who', 'whom', 'this', 'that', 'these', 'those', 'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did', 'doing', 'a', 'an', 'the', 'and', 'but', 'if', 'or', 'because', 'as', 'until', 'while', 'of', 'at', 'by', 'for', 'with', 'about', 'against', 'between', 'into', 'through', 'during', 'before', 'after', 'above', 'below', 'to', 'from', 'up', 'down', 'in', 'out', 'on', 'off', 'over', 'under', 'again', 'further', 'then', 'once', 'here', 'there', 'when', 'where', 'why', 'how', 'all', 'any', 'both', 'each', 'few', 'more', 'most', 'other', 'some', 'such', 'no', 'nor', 'not', 'only', 'own', 'same', 'so', 'than', 'too', 'very', 's', 't', 'can', 'will', 'just', 'don', 'should', 'now']) w, unnest(tsvector_to_array(to_tsvector('german'::regconfig, public.unaccent('public.unaccent'::regdictionary, w)))) l;\n  EXECUTE format($f$CREATE FUNCTION pd_tsvector(input text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $b$\n    SELECT ts_delete(to_tsvector('english'::regconfig, x), %L::text[]) || ts_delete(to_tsvector('german'::regconfig, x), %L::text[])\n      FROM (SELECT public.unaccent('public.unaccent'::regdictionary, translate(input, '<>', '  ')) AS x) s\n  $b$$f$, en_stems_of_german_stopwords, de_stems_of_english_stopwords);\nEND\n$do$",
    );
    await queryRunner.query(
      'CREATE FUNCTION "pd_fold"("input" text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$\n  SELECT lower(public.unaccent(\'public.unaccent\'::regdictionary, "input"))\n$$',
    );
    await queryRunner.query(
      "CREATE FUNCTION \"outbox_notify\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('outbox_events', ''); RETURN NULL; END $$",
    );
    await queryRunner.query(
      'CREATE TRIGGER "outbox_events_notify" AFTER INSERT ON "outbox_events" FOR EACH STATEMENT EXECUTE FUNCTION "outbox_notify"()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION "pd_fold"(text)');
    await queryRunner.query('DROP FUNCTION "pd_tsvector"(text)');
    await queryRunner.query('DROP TABLE "search_stats"');
    await queryRunner.query('DROP TABLE "search_terms"');
    await queryRunner.query('DROP TRIGGER "outbox_events_notify" ON "outbox_events"');
    await queryRunner.query('DROP FUNCTION "outbox_notify"()');
    await queryRunner.query('DROP TABLE "search_documents"');
    await queryRunner.query('ALTER TABLE "votes" DROP CONSTRAINT "FK_47c1b96c18bd04fa26f8a9fde96"');
    await queryRunner.query('ALTER TABLE "votes" DROP CONSTRAINT "FK_64d599e35a82d2f4396e5380811"');
    await queryRunner.query('ALTER TABLE "votes" DROP CONSTRAINT "FK_27be2cab62274f6876ad6a31641"');
    await queryRunner.query('ALTER TABLE "question_tags" DROP CONSTRAINT "FK_497e97015cc760e52aa0b8c2586"');
    await queryRunner.query('ALTER TABLE "question_tags" DROP CONSTRAINT "FK_da3d79ee83f674d9f5fc9cc88d0"');
    await queryRunner.query('ALTER TABLE "post_revisions" DROP CONSTRAINT "FK_d4cc016eff941f8be976ba83d2a"');
    await queryRunner.query('ALTER TABLE "post_revisions" DROP CONSTRAINT "FK_69b081d346a47df310699daba13"');
    await queryRunner.query('ALTER TABLE "post_revisions" DROP CONSTRAINT "FK_3e39e669c83dcb080494b191d9b"');
    await queryRunner.query('ALTER TABLE "comments" DROP CONSTRAINT "FK_e6d38899c31997c45d128a8973b"');
    await queryRunner.query('ALTER TABLE "comments" DROP CONSTRAINT "FK_235829ea2864b85eca93a90d92e"');
    await queryRunner.query('ALTER TABLE "comments" DROP CONSTRAINT "FK_8a7f0e1af904d87ccee32d4de32"');
    await queryRunner.query('ALTER TABLE "answers" DROP CONSTRAINT "FK_3a1ad37b311f0f3bdda728e507f"');
    await queryRunner.query('ALTER TABLE "answers" DROP CONSTRAINT "FK_677120094cf6d3f12df0b9dc5d3"');
    await queryRunner.query('ALTER TABLE "questions" DROP CONSTRAINT "FK_17bb142c2af2039e5d871433ced"');
    await queryRunner.query('ALTER TABLE "questions" DROP CONSTRAINT "FK_8f308c37baf355ee59b66ff3a09"');
    await queryRunner.query('ALTER TABLE "questions" DROP CONSTRAINT "FK_dcaac7adf4b5af7bc980ec5250e"');
    await queryRunner.query('ALTER TABLE "questions" DROP CONSTRAINT "FK_29982adbe8c4db50b58cd557425"');
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"');
    await queryRunner.query('DROP INDEX "public"."rate_limit_buckets_window_idx"');
    await queryRunner.query('DROP TABLE "rate_limit_buckets"');
    await queryRunner.query('DROP INDEX "public"."outbox_events_pending_idx"');
    await queryRunner.query('DROP TABLE "outbox_events"');
    await queryRunner.query('DROP INDEX "public"."deflection_events_session_idx"');
    await queryRunner.query('DROP INDEX "public"."deflection_events_created_idx"');
    await queryRunner.query('DROP TABLE "deflection_events"');
    await queryRunner.query('DROP TABLE "external_refs"');
    await queryRunner.query('DROP INDEX "public"."votes_question_key"');
    await queryRunner.query('DROP INDEX "public"."votes_answer_key"');
    await queryRunner.query('DROP TABLE "votes"');
    await queryRunner.query('DROP INDEX "public"."question_tags_tag_id_idx"');
    await queryRunner.query('DROP TABLE "question_tags"');
    await queryRunner.query('DROP INDEX "public"."tags_slug_key"');
    await queryRunner.query('DROP TABLE "tags"');
    await queryRunner.query('DROP INDEX "public"."post_revisions_question_idx"');
    await queryRunner.query('DROP INDEX "public"."post_revisions_answer_idx"');
    await queryRunner.query('DROP TABLE "post_revisions"');
    await queryRunner.query('DROP INDEX "public"."comments_question_idx"');
    await queryRunner.query('DROP INDEX "public"."comments_answer_idx"');
    await queryRunner.query('DROP INDEX "public"."comments_client_mutation_key"');
    await queryRunner.query('DROP TABLE "comments"');
    await queryRunner.query('DROP INDEX "public"."answers_question_idx"');
    await queryRunner.query('DROP INDEX "public"."answers_author_idx"');
    await queryRunner.query('DROP INDEX "public"."answers_client_mutation_key"');
    await queryRunner.query('DROP TABLE "answers"');
    await queryRunner.query('DROP INDEX "public"."questions_created_idx"');
    await queryRunner.query('DROP INDEX "public"."questions_activity_idx"');
    await queryRunner.query('DROP INDEX "public"."questions_space_created_idx"');
    await queryRunner.query('DROP INDEX "public"."questions_solved_idx"');
    await queryRunner.query('DROP INDEX "public"."questions_author_idx"');
    await queryRunner.query('DROP INDEX "public"."questions_client_mutation_key"');
    await queryRunner.query('DROP TABLE "questions"');
    await queryRunner.query('DROP INDEX "public"."spaces_slug_key"');
    await queryRunner.query('DROP TABLE "spaces"');
    await queryRunner.query('DROP INDEX "public"."sessions_expires_at_idx"');
    await queryRunner.query('DROP INDEX "public"."sessions_user_id_idx"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."users_email_key"');
    await queryRunner.query('DROP TABLE "users"');
  }
}
