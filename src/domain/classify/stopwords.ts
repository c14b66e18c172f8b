/**
 * Words that say nothing about the category: function words, and the boilerplate of hotline
 * orders (市民来电反映…希望尽快处理). Kept small on purpose: naive Bayes already discounts words
 * that every category shares, this list only removes the ones no category should learn from.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // function words and pronouns
  '的', '了', '在', '是', '有', '和', '与', '及', '或', '也', '还', '都', '就', '又', '很', '太', '再',
  '被', '把', '给', '让', '向', '对', '从', '到', '于', '为', '因', '而', '但', '并', '则', '即',
  '我', '你', '他', '她', '它', '我们', '你们', '他们', '自己', '这', '那', '这个', '那个', '这里', '那里',
  '个', '些', '一', '一个', '一些', '之', '其', '该', '此', '等', '着', '过', '吗', '呢', '吧', '啊', '呀', '哦', '嘛',
  '会', '能', '要', '想', '请', '说', '称', '已', '已经', '正在', '一直', '经常', '总是', '每天', '现在', '目前',
  '不', '没', '没有', '无法', '非常', '十分', '比较', '特别', '严重', '情况', '问题', '现象', '事情', '有人',
  // hotline boilerplate
  '市民', '来电', '来电人', '反映', '反应', '诉求', '投诉', '举报', '称', '表示', '希望', '要求', '请求', '尽快',
  '处理', '解决', '相关', '有关', '部门', '相关部门', '有关部门', '核实', '谢谢', '感谢', '帮忙', '一下',
]);

/** Tokens made only of punctuation, symbols, digits, Latin letters or spaces are dropped. */
const NOT_A_TERM = /^[\s\p{P}\p{S}\p{N}a-zA-Z]+$/u;

export function isTerm(token: string): boolean {
  return token.length > 0 && !NOT_A_TERM.test(token) && !STOPWORDS.has(token);
}
