-- search_text now also holds the designation's expertise and the labels of its languages and
-- clienteles in French and English ("fugue" finds "Fugues", "anglais" and "english" find en).
-- Existing rows get them here, folded as the application folds them (labels folded beforehand);
-- the next edit of a row rewrites its search_text from buildSearchText exactly.
WITH vocabulary(kind, code, label) AS (VALUES
  ('language', 'fr', 'francais | french'),
  ('language', 'en', 'anglais | english'),
  ('language', 'es', 'espagnol | spanish'),
  ('language', 'ar', 'arabe | arabic'),
  ('language', 'iu', 'inuktitut'),
  ('language', 'cr', 'cri | cree'),
  ('language', 'other', 'autre langue | other language'),
  ('clientele', '12-17', '12 a 17 ans | ages 12 to 17'),
  ('clientele', 'under_12', 'moins de 12 ans | under 12'),
  ('clientele', '18-21', 'jeunes adultes (18 a 21 ans) | young adults (18 to 21)'),
  ('clientele', 'girls', 'filles | girls'),
  ('clientele', 'boys', 'garcons | boys'),
  ('clientele', 'lgbtq', 'jeunes lgbtq+ | lgbtq+ youths'),
  ('clientele', 'first_nations_inuit', 'premieres nations et inuit | first nations and inuit'),
  ('clientele', 'newcomers', 'personnes nouvellement arrivees | newcomers'),
  ('clientele', 'sexual_minorities', 'minorites sexuelles et de genre | sexual and gender minorities'),
  ('clientele', 'disability', 'jeunes en situation de handicap | youths with disabilities'),
  ('clientele', 'families', 'familles et proches | families and relatives')
)
UPDATE "pivot_designation" d SET "search_text" = concat_ws(' | ', d."search_text",
  (SELECT string_agg(trim(regexp_replace(lower(translate(e.tag, 'àáâäãåçèéêëìíîïñòóôöõùúûüýÿÀÁÂÄÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÖÕÙÚÛÜÝ', 'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuy')), '\s+', ' ', 'g')), ' | ' ORDER BY e.n) FROM unnest(d."expertise") WITH ORDINALITY AS e(tag, n) WHERE trim(e.tag) <> ''),
  (SELECT string_agg(v.label, ' | ' ORDER BY c.n) FROM unnest(d."languages") WITH ORDINALITY AS c(code, n) JOIN vocabulary v ON v.kind = 'language' AND v.code = c.code),
  (SELECT string_agg(v.label, ' | ' ORDER BY c.n) FROM unnest(d."clienteles") WITH ORDINALITY AS c(code, n) JOIN vocabulary v ON v.kind = 'clientele' AND v.code = c.code)
);
