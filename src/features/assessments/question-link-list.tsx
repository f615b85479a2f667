import { Link } from "@/ui/link";

/** What a listed question needs: where it is and a line about it. */
export interface QuestionLinkItem {
  questionId: string;
  prompt: string;
  sectionTitle: string;
  href: string;
}

/** Questions as links to where they are answered, each with its section and a line of detail. */
export function QuestionLinkList<Item extends QuestionLinkItem>({
  items,
  detail,
}: {
  items: readonly Item[];
  detail: (item: Item) => string;
}) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {items.map((item) => (
        <li key={item.questionId} className="px-4 py-3">
          <Link href={item.href} className="font-medium text-blue-800 underline hover:text-blue-950">
            {item.prompt}
          </Link>
          <p className="text-sm text-slate-700">
            {item.sectionTitle} · {detail(item)}
          </p>
        </li>
      ))}
    </ul>
  );
}
