/**
 * Common first names in Québec (French and English), lower-cased without accents. Used to
 * catch a youth's first name written alone ("Jessica a fugué"). Names that are also ordinary
 * words ("claire", "rose", "pierre", "france", "may", "will") are left to the context cues.
 */
export const commonFirstNames = new Set(
  `
  emma olivia alice charlotte lea léa florence juliette rosalie chloe chloé zoe zoé mia beatrice béatrice
  jade livia eva eve ève laurence maude megane mégane audrey camille justine noemie noémie sarah sara
  gabrielle ariane amelie amélie annabelle catherine marianne elodie élodie emilie émilie jessica
  vanessa kim karine melanie mélanie stephanie stéphanie valerie valérie isabelle nathalie sophie
  genevieve geneviève marie-eve marie-ève marie-pier marie-pierre anne-sophie laurie lauriane coralie
  maeva maïka maika alexia alexane ophelie ophélie clara lily emy émy anaïs anais victoria jasmine
  naomie noemi kelly ashley brittany samantha amanda jennifer tiffany nicole michelle melissa
  mélissa cynthia sabrina kassandra cassandra alexandra kayla madison hannah abigail ella ava
  liam william noah thomas jacob leo léo louis nathan felix félix edouard édouard charles emile émile
  gabriel raphael raphaël arthur jules logan zack zachary olivier samuel alexis xavier antoine
  mathis mathys maxime vincent nicolas julien simon philippe jean-philippe marc-antoine
  jeremy jérémy kevin kevin jonathan alexandre benjamin hugo tristan loic loïc mathieu matthew
  james michael daniel david joshua ryan tyler brandon dylan justin jordan kyle austin ethan
  mason lucas jayden owen caleb dominic dominique anthony christopher cedric cédric francis
  frederic frédéric guillaume etienne étienne sebastien sébastien mikael mickael steven eric
  éric patrick martin mathias elliot eliot theo théo adam ali mohamed mohammed youssef amir
  omar ibrahim fatima aicha aïcha yasmine amina nour malik karim rayan enzo nolan noe noé
  emily emilia sophia sofia leah mila nora anna ellie maya mya layla isabella amelia alicia
  maelle maëlle lilou romane clementine clémentine leonie léonie eloise éloïse aurelie aurélie
  marilou megan josiane cindy vicky jessy kelly-ann sarah-maude charlie
  liam jackson jake jason tommy jeremie jérémie mael maël eliott louis-philippe jean-simon
  `
    .split(/\s+/)
    .filter(Boolean)
    .map((n) => n.normalize("NFD").replace(/\p{M}/gu, "")),
);
