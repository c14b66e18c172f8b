/**
 * A department's duty list (定人定岗定责职责清单: 主管 / 牵头 / 协办), derived from the category
 * catalogue — the one source of truth for who owns, leads and assists each category.
 */
export interface DutyList {
  owns: string[];
  leads: string[];
  assists: string[];
}

export interface CategoryDuties {
  code: string;
  owner: string;
  lead?: string | null;
  assists: string[];
}

export function deriveDutyLists(categories: CategoryDuties[]): Map<string, DutyList> {
  const lists = new Map<string, DutyList>();
  const of = (dept: string): DutyList => {
    let list = lists.get(dept);
    if (!list) {
      list = { owns: [], leads: [], assists: [] };
      lists.set(dept, list);
    }
    return list;
  };
  for (const c of categories) {
    of(c.owner).owns.push(c.code);
    if (c.lead) of(c.lead).leads.push(c.code);
    for (const a of c.assists) of(a).assists.push(c.code);
  }
  for (const list of lists.values()) {
    list.owns.sort();
    list.leads.sort();
    list.assists.sort();
  }
  return lists;
}
