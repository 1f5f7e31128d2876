/**
 * The internet channel for filing a 行政复议 application (letters.md §0.1): "行政机关通过互联网渠道送达行政
 * 行为决定书的，应当同时提供提交行政复议申请书的互联网渠道" (《行政复议法》(2023) Art. 22 ¶2). A letter or
 * notice served online names the 复议机关's online channel with the 复议 sentence of its remedies. The one
 * place for this law text: the sentence, where it goes, and the warning shown while the agency has not set
 * the channel. Pure.
 */

export const ONLINE_REVIEW_BASIS = '《行政复议法》第二十二条第二款';

/** Shown (not blocking) in 机关设置 while the channel is not set. */
export const ONLINE_REVIEW_CHANNEL_WARNING = `以电子方式送达的告知书应载明行政复议网上申请渠道（${ONLINE_REVIEW_BASIS}）`;

/** The sentence naming the channel, e.g. `行政复议申请也可以通过某某平台（https://…）在线提出。` */
export function onlineReviewSentence(channel: string): string {
  return `行政复议申请也可以通过${channel.trim().replace(/[。．.；;，,\s]+$/u, '')}在线提出。`;
}

/**
 * The remedies paragraph with the channel sentence placed right after the sentence that speaks of 行政复议
 * (the agency's own text may hold several sentences); at the end when no sentence does.
 */
export function withOnlineReviewChannel(remedies: string, channel: string): string {
  const sentence = onlineReviewSentence(channel);
  const review = remedies.indexOf('复议');
  const end = review < 0 ? -1 : remedies.indexOf('。', review);
  if (end < 0) return `${remedies.replace(/\s+$/u, '')}${/[。！？]$/u.test(remedies.trimEnd()) || remedies.trim() === '' ? '' : '。'}${sentence}`;
  return `${remedies.slice(0, end + 1)}${sentence}${remedies.slice(end + 1)}`;
}
