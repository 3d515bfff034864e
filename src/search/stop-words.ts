/**
 * Words that carry no meaning for finding passages: function words, and the words people use to
 * frame a question about coverage ("what did X say", "which outlets report"). Dropping the framing
 * words is what lets "what does France say?" come back empty instead of matching every "said".
 */
export const stopWords: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
   between both but by can could did do does doing down during each few for from further had has have having
   he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
   nor not now of off on once only or other our ours ourselves over own same she should so some such than that
   the their theirs them themselves then there these they this those through to too under until up very was we
   were what when where which while who whom why will with would you your yours yourself yourselves
   say says said saying tell tells told telling report reports reported reporting mention mentions mentioned
   coverage article articles outlet outlets news story think thinks anyone someone something anything
   according quote quotes quoted happen happens happened happening`
    .split(/\s+/)
    .filter(Boolean),
);
