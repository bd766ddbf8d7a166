/** A toolbar button that opens the browser's file picker and hands over the files picked. */
import { type ChangeEvent, useRef } from "react";

export interface FilePickerButtonProps {
  /** `data-testid` of the button; the hidden input gets `${testId}-input`. */
  testId: string;
  label: string;
  title: string;
  /** The input's `accept` list, e.g. ".swc,.SWC". */
  accept: string;
  multiple?: boolean;
  /** Called with the files picked (never empty). */
  onFiles: (files: File[]) => Promise<void>;
}

export function FilePickerButton({ testId, label, title, accept, multiple = false, onFiles }: FilePickerButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = ""; // the same files can be picked again
    if (picked.length > 0) void onFiles(picked);
  };
  return (
    <>
      <button type="button" data-testid={testId} onClick={() => input.current?.click()} title={title}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        data-testid={`${testId}-input`}
        onChange={onChange}
      />
    </>
  );
}
