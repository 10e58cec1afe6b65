/**
 * A small bundled text set for the attention panel: short messages written for this page, spam-like
 * (label 1) or ordinary (label 0), in the style of SMS and e-mail subject lines. Too small to judge a
 * model by; enough to watch attention pick out the words that decide the class.
 */
export interface Message {
  readonly text: string;
  /** 1: spam-like, 0: ordinary. */
  readonly label: 0 | 1;
}

/** 36 messages, 18 of each class; {@link heldOutMessages} are kept out of training. */
export const messages: readonly Message[] = [
  { text: 'You won a free prize, claim it now', label: 1 },
  { text: 'Free cash waiting for you, click the link', label: 1 },
  { text: 'Claim your free gift card today only', label: 1 },
  { text: 'Urgent: your account wins a cash bonus', label: 1 },
  { text: 'Click now to get cheap pills online', label: 1 },
  { text: 'Winner! Call now to claim your reward', label: 1 },
  { text: 'Limited offer: free entry to win cash', label: 1 },
  { text: 'Get rich fast, no work, click here', label: 1 },
  { text: 'Congratulations, you have won a free holiday', label: 1 },
  { text: 'Cheap loans approved now, apply today', label: 1 },
  { text: 'Exclusive deal: claim free money now', label: 1 },
  { text: 'Act now and win a brand new phone', label: 1 },
  { text: 'Your prize is waiting, click to claim', label: 1 },
  { text: 'Hot singles want to meet you, click now', label: 1 },
  { text: 'Earn cash from home, free sign up', label: 1 },
  { text: 'You are selected for a free cash reward', label: 1 },
  { text: 'Urgent offer: cheap watches, buy now', label: 1 },
  { text: 'Free bonus credit, claim before midnight', label: 1 },
  { text: 'Are we still meeting for lunch tomorrow?', label: 0 },
  { text: 'The report is attached, see page two', label: 0 },
  { text: 'Can you pick up milk on the way home', label: 0 },
  { text: 'Meeting moved to Thursday at three', label: 0 },
  { text: 'Thanks for the notes from the lecture', label: 0 },
  { text: 'I will be late, the train is delayed', label: 0 },
  { text: 'Happy birthday! See you at dinner tonight', label: 0 },
  { text: 'Please review the draft before Friday', label: 0 },
  { text: 'The kids have football practice at five', label: 0 },
  { text: 'Did you water the plants this morning?', label: 0 },
  { text: 'Our flight lands at noon on Sunday', label: 0 },
  { text: 'Let me know when the meeting starts', label: 0 },
  { text: 'The slides for tomorrow are in the folder', label: 0 },
  { text: 'Mum says dinner is at seven tonight', label: 0 },
  { text: 'Could you send me the lecture notes', label: 0 },
  { text: 'See you at the station after work', label: 0 },
  { text: 'Click the link to claim your free cash prize now', label: 1 },
  { text: 'Can we move lunch to Friday, the meeting ran late', label: 0 },
];

/** Indices into {@link messages} kept out of training; the first is the one the panel explains. */
export const heldOutMessages: readonly number[] = [34, 35];
