import type { z } from 'zod';
import type { ProfileProblem } from './profile-problem.js';

/** Chinese for the custom messages of schema.ts (the English stays, in parentheses). */
const zhFor: Record<string, string> = {
  'expected YYYY-MM-DD': '日期格式应为 YYYY-MM-DD',
  'not a phone number': '不是有效的电话号码',
  'codes are letters, digits, - and _': '编码只能由字母、数字、- 和 _ 组成',
  'a town code has 9 digits (统计用区划代码)': '镇代码应为 9 位数字（统计用区划代码）',
  'expected HH:MM': '时间格式应为 HH:MM',
  'a category code has 5 digits (GB/T 47678.5-2026)': '分类代码应为 5 位数字（GB/T 47678.5-2026）',
  'a grid code has 15 digits': '网格编码应为 15 位数字',
};

const startsWithChinese = /^[\u3400-\u9fff]/;

/** 'departments[3].phone' from ['departments', 3, 'phone']. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

function chinese(issue: z.core.$ZodIssue): string {
  const known = zhFor[issue.message];
  if (known !== undefined) return known;
  switch (issue.code) {
    case 'invalid_type':
      if (/ received undefined$/.test(issue.message)) return '缺少必填字段';
      // YAML reads 310151115 or 0201 as a number: codes must be quoted
      if (issue.expected === 'string' && / received number$/.test(issue.message)) return '类型错误，应为字符串（数字编码请加引号）';
      return `类型错误，应为 ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${String(issue.minimum)} 个字符`;
      return `应${issue.inclusive === false ? '大于' : '不小于'} ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${String(issue.maximum)} 项`;
      if (issue.origin === 'string') return `最多 ${String(issue.maximum)} 个字符`;
      return `应${issue.inclusive === false ? '小于' : '不大于'} ${String(issue.maximum)}`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return `取值应为 ${issue.values.map(String).join(' / ')} 之一`;
    case 'unrecognized_keys':
      return `未知字段 ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return '不符合任何允许的形式';
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return '取值无效';
    default: {
      const unreachable: never = issue;
      return String(unreachable);
    }
  }
}

/** One problem per zod issue; an unknown key is reported at the key itself, one problem per key. */
export function zodProblems(file: string, error: z.ZodError): ProfileProblem[] {
  return error.issues.flatMap((issue): ProfileProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        path: formatPath([...issue.path, key]),
        message: `未知字段 ${key} (unrecognized key ${key})`,
      }));
    }
    const message = startsWithChinese.test(issue.message) ? issue.message : `${chinese(issue)} (${issue.message})`;
    return [{ file, path: formatPath(issue.path), message }];
  });
}
