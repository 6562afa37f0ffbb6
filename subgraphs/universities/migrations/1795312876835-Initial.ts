import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795312876835 implements MigrationInterface {
  name = "Initial1795312876835";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"universities\".\"university\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"slug\" text NOT NULL, \"name\" text NOT NULL, \"short_name\" text, \"kind\" text NOT NULL, \"parent_id\" uuid, \"country_code\" character(2) NOT NULL, \"city\" text, \"status\" text NOT NULL DEFAULT 'ACTIVE', \"source\" text, CONSTRAINT \"ck_university_not_own_parent\" CHECK (parent_id IS NULL OR parent_id <> id), CONSTRAINT \"ck_university_kind\" CHECK (kind IN ('UNIVERSITY', 'BRANCH', 'TECHNICAL_SCHOOL', 'ACADEMY_OF_SCIENCES', 'RESEARCH_INSTITUTE')), CONSTRAINT \"ck_university_status\" CHECK (status IN ('ACTIVE', 'ARCHIVED')), CONSTRAINT \"ck_university_country_code\" CHECK (country_code ~ '^[A-Z]{2}$'), CONSTRAINT \"ck_university_slug\" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT \"pk_university\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_university_slug\" ON \"universities\".\"university\"  (\"slug\") ");
    await queryRunner.query("CREATE INDEX \"ix_university_parent_id\" ON \"universities\".\"university\"  (\"parent_id\") ");
    await queryRunner.query("CREATE TABLE \"universities\".\"department\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"slug\" text NOT NULL, \"name\" text NOT NULL, \"kind\" text NOT NULL, \"university_id\" uuid NOT NULL, \"parent_id\" uuid, \"source\" text, CONSTRAINT \"ck_department_not_own_parent\" CHECK (parent_id IS NULL OR parent_id <> id), CONSTRAINT \"ck_department_kind\" CHECK (kind IN ('FACULTY', 'DEPARTMENT', 'LABORATORY', 'OTHER')), CONSTRAINT \"ck_department_slug\" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT \"pk_department\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_department_slug\" ON \"universities\".\"department\"  (\"slug\") ");
    await queryRunner.query("CREATE INDEX \"ix_department_university_id\" ON \"universities\".\"department\"  (\"university_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_department_parent_id\" ON \"universities\".\"department\"  (\"parent_id\") ");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" ADD CONSTRAINT \"fk_university_parent_id\" FOREIGN KEY (\"parent_id\") REFERENCES \"universities\".\"university\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"universities\".\"department\" ADD CONSTRAINT \"fk_department_university_id\" FOREIGN KEY (\"university_id\") REFERENCES \"universities\".\"university\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"universities\".\"department\" ADD CONSTRAINT \"fk_department_parent_id\" FOREIGN KEY (\"parent_id\") REFERENCES \"universities\".\"department\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"universities\".\"department\" DROP CONSTRAINT \"fk_department_parent_id\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"department\" DROP CONSTRAINT \"fk_department_university_id\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" DROP CONSTRAINT \"fk_university_parent_id\"");
    await queryRunner.query("DROP INDEX \"universities\".\"ix_department_parent_id\"");
    await queryRunner.query("DROP INDEX \"universities\".\"ix_department_university_id\"");
    await queryRunner.query("DROP INDEX \"universities\".\"uq_department_slug\"");
    await queryRunner.query("DROP TABLE \"universities\".\"department\"");
    await queryRunner.query("DROP INDEX \"universities\".\"ix_university_parent_id\"");
    await queryRunner.query("DROP INDEX \"universities\".\"uq_university_slug\"");
    await queryRunner.query("DROP TABLE \"universities\".\"university\"");
  }
}
