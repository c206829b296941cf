/** English stop words: the short function words prose is made of and menus and headlines lack. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either few for from further had has have
having he her here hers herself him himself his how however i if in into is it its itself just least less
may me might more most much must my myself neither no nor not now of off on once only or other others our
ours ourselves out over own per rather same she should since so some such than that the their theirs them
themselves then there these they this those though through thus to too under until up upon us very was we
were what when where whether which while who whom whose why will with within without would yet you your
yours yourself yourselves already although always among another around away back even ever every
first however instead many never often one onto several still toward towards two well whose`.split(/\s+/),
);
