-- Names sort as Vietnamese read them, with numbers as numbers: "Tổ dân phố số 2" before "số 10"
-- (the plain "vi-x-icu" collation gave 1, 10, 11, 2 in the explorer, pickers and lists). The same
-- order as the domain's compareVietnamese (Intl.Collator('vi', { numeric: true })).

-- coso: what Prisma cannot express ───────────────────────────────────────────
CREATE COLLATION IF NOT EXISTS "vi-numeric" (provider = icu, locale = 'vi-u-kn-true');
ALTER TABLE "administrative_units" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-numeric";
ALTER TABLE "organizations" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-numeric";
ALTER TABLE "people" ALTER COLUMN "full_name" TYPE TEXT COLLATE "vi-numeric";
ALTER TABLE "apartment_buildings" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-numeric";
ALTER TABLE "apartment_complexes" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-numeric";
