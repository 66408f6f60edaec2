import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useState } from 'react';

const SEARCH_DELAY_MS = 300;

export interface SearchBoxProps {
  /** The search in force (from the address). */
  value: string;
  /** Called once typing pauses, or on Enter, with the trimmed text. */
  onSearch(value: string): void;
  label: string;
  width?: number;
}

/**
 * A search box that searches as the user types, once typing pauses (the server folds diacritics,
 * so "giang bien" finds Giang Biên). An address changed from outside (a menu entry, a link)
 * updates the box.
 */
export function SearchBox({ value, onSearch, label, width = 320 }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === value) return;
    const timer = window.setTimeout(() => onSearch(wanted), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <Input
      type="search"
      aria-label={label}
      placeholder={label}
      prefix={<SearchOutlined />}
      allowClear
      style={{ width }}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => onSearch(text.trim())}
    />
  );
}
