<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;readerapp %1&lt;/h3&gt;&lt;p&gt;A local reading-list manager for research papers.&lt;/p&gt;&lt;p&gt;Library: &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddByIdDialog</name>
    <message>
        <source>Authors unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add papers by identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste arXiv ids, DOIs or their links (arXiv, Hugging Face, doi.org) in any mix, one per line or separated by spaces or commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel look-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n identifier(s) recognised: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No identifier recognised yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not identifiers, left out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Looking up %n identifier(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Look-up cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Found %Ln paper(s): %1 new, %2 already in the library.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %Ln paper(s): %1 new.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import: the library has them all, with every detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source knows any of these identifiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source knows: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the library yet: imported as a new paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Yes; gains %n detail(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>In the library; the import fills its %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the library with all of these details: nothing to add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompletionFlow</name>
    <message>
        <source>There are no papers here to complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details are already being looked up; wait or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completing details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper here misses details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Looking up %Ln paper(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saving what was found…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not complete the new papers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Apply %n candidate(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompletionSummaryDialog</name>
    <message>
        <source>Details completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Check the candidates that are your paper (%Ln); Apply chosen fills the paper from them:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Filled (%Ln):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No source knew (%Ln):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your paper: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Applied %n candidate(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s) filled (Ctrl+Z undoes it).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>readerapp hit a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside readerapp. Your library is safe: the change in progress was not saved.
Please report this with the details below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DailyDialog</name>
    <message>
        <source>Fetch Daily Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports the papers of Hugging Face&apos;s Daily Papers page of a day as one import, which Undo takes back. Papers already in the library gain only what they lack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a paper to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the title, authors, dates, ids, abstract and links by hand (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. peft, to discuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note in Markdown; it saves as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Edited by hand: %1. Imports and look-ups leave them as you wrote them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>★ Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>☆ Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In queues: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No abstract.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No related papers found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>Unsaved edits of “%1” were discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Star %n paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unstar %n paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the status of %n paper(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tag papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tag %n paper(s) with:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %n paper(s) “%1”</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %n paper(s) “%1”</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The selected papers have no tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one paper to edit its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>readerapp hit a problem (see the report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete these %Ln paper(s) from the library, with their notes, tags and queue places?
You can undo this with Ctrl+Z.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser could not be started for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln Markdown link(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln BibTeX entries.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngineBar</name>
    <message>
        <source>Switch to tantivy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss; this suggestion will not come back for this library (Edit ▸ Preferences… can switch at any time)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&lt;!-- %1 lines of &lt;head&gt; (title and style sheet) not shown --&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selected papers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &amp;list: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;whole library (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preview (%Ln paper(s)):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Preview of the first %1 of %2 papers (the file has them all):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln paper(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>That import was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper dumps (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; the library is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo import %1 (%2)?

The papers it added that you have not touched since are removed, and the fields it filled on papers already in the library are cleared. Papers you starred, tagged, queued, annotated or edited stay. This cannot be redone, except by importing again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Nothing can be imported from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported: none of the %Ln sources can be read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of them get new details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln source(s) cannot be read (see below)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every paper is left out: check the ones to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new: every paper is already in the library with these details. Importing only applies the queue and tag options below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln new paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder. Import the files in it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no text: there is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found: it was moved, renamed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened: you are not allowed to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a text file (a PDF, an image or an archive, perhaps). readerapp imports lists of papers saved as text: BibTeX, RIS, JSON, Markdown and the like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not look like any format readerapp knows. If it is one of them, choose it under Format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read as %2. Line %3: %4. Choose the format it is in under Format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read as %2. %3. Choose the format it is in under Format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other sources are imported without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 et al.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This import fills in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchecked papers are not added to the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched by arXiv id, DOI or title; only fields they lack are filled in, and stars, status, tags, notes and queues stay as they are. Unchecked papers are left as they are and the options below skip them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries that cannot become papers, with where and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers of the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers already in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add all imported papers to the &amp;queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An existing queue, or type a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the &amp;tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An existing tag, or type a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text from the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>From %1: %2 new, %3 merged, %4 already there, %5 skipped, %6 left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1: %2 new, %3 merged, %4 already there, %5 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>From %1: nothing — all %Ln paper(s) left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From %1: nothing new — %Ln paper(s) already in the library, %2 left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From %1: nothing new — all %Ln paper(s) already in the library.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln paper(s) to the queue “%1”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %Ln paper(s) “%1”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show imported papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupFlow</name>
    <message>
        <source>Nothing was looked up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The look-up failed; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Adding %Ln paper(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching Daily Papers of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching Daily Papers cancelled; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln paper(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more papers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a paper to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s) in the library</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No papers here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No papers match this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s) selected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This paper is no longer in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete smart list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when readerapp starts next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About readerapp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperChoicePane</name>
    <message>
        <source>Check &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check n&amp;one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 checked. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperEditor</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abstract page link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project page link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One name per line, or “Ada Lovelace; Alan Turing”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2023</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. NeurIPS 2023</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2106.09685, or an arxiv.org link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10.1145/3442188.3445922, or a doi.org link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper&apos;s abstract; a blank line starts a new paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you change here stays yours: imports and look-ups never overwrite it. Enter or Ctrl+Enter saves, Esc cancels, Ctrl+Z after saving undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes (Enter or Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave without saving (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited by hand: imports and look-ups leave it alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperTable</name>
    <message numerus="yes">
        <source>Copied %Ln paper(s) as text, Markdown links and BibTeX.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperTableModel</name>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Written in Python and the default. Fast for libraries up to about %1 papers; beyond that, some searches take longer than a keystroke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A compiled engine (Rust). Stays fast at 100,000 papers and more and indexes about twenty times faster; recommended for large libraries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What is sent where.&lt;/b&gt; Only when papers are looked up (Add by identifier, Complete details, Fetch Daily Papers, or after an import with the box above ticked): arXiv ids and titles to arXiv (export.arxiv.org); arXiv ids, titles and dates to Hugging Face (huggingface.co); DOIs and titles to Crossref (api.crossref.org); arXiv ids, DOIs and titles to Semantic Scholar (api.semanticscholar.org). Nothing else of your library leaves the machine: no notes, tags, stars or queues. Answers are cached in the library folder, so asking again sends nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not look like an e-mail address (such as name@example.org); leave the field empty to send none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This library has %Ln paper(s). The engine only changes how fast searches are; results, stars, notes, tags and queues stay the same.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use the network for look-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: nothing is sent anywhere, by the window or the command line; look-ups answer from the cache alone and say so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set in the environment: this session stays offline whatever this switch says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact &amp;e-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.org (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent in the User-Agent of every request, and to Crossref as mailto, so that the APIs can reach you instead of blocking you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overrides it in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look up missing details after each import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New papers that miss authors, dates, ids or links are completed in the background, as Complete details does; fields you edited are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings are saved in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching rebuilds the search index once (%1 for this library) in the background; you can cancel it from the status bar, and the current engine keeps working until it is done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueActions</name>
    <message>
        <source>Add to queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Add %n paper(s) to the queue:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add to queue “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Read next (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n paper(s) from “%1”</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Move in queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A queue named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create queue “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename queue “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete queue “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutineActions</name>
    <message>
        <source>&amp;Archive (out of the Inbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Un-snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-read later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-read &amp;done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatistics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Archive %n paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n paper(s) until %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Un-snooze %n paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-read %n paper(s) later</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-read %n paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-read #%1 due %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Edit rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a search, e.g. tag:llm or title:diffusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Star them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put them on &amp;Today&apos;s list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue to put them on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put them on Today&apos;s list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put on &amp;queue:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule is a saved search with actions. It is applied to the new papers of every import; Preview and Run apply it to the whole library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un on the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the rule did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save rule “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove rule “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run rule “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchEngineControl</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network settings could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch cancelled; searches still use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Searches now use %1 (%Ln paper(s) indexed).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(indexing %Ln paper(s): text matches may be incomplete)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Newly imported papers are listed and filterable at once; searching their text works when indexing finishes (progress in the status bar).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: words, &quot;phrases&quot;, author:, tag:, is:starred, status:read, year:2023…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help ▸ Search syntax (Shift+F1) has them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as smart list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (at character %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a search first, then save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchSyntax</name>
    <message>
        <source>Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>papers with both words, best matches first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the words in this order (hyphens or not)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>that compound word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words that start with trans (at least two letters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words within one typing error (kroneker~2: two)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In one field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the word in the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the word in the abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the word in your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the words in the paper&apos;s PDF (plain words search it too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>either word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first without the second (also -video)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>brackets group; terms side by side are ANDed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starred papers (is:unstarred: the others)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>papers on any queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>papers with a PDF kept in the library (-has:pdf: without)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>papers on one queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unread, reading, read, skimmed or dropped (or is:read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tag (tag:&quot;vision models&quot; with spaces, tag:vis* any tag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new papers from imports not yet triaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>papers snoozed until a later day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read papers marked for re-reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked read in the last 7 days (read:2026-05, read:2026-05..)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked reading in that range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates, ids and sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>published in 2023 (year:2021..2024, year:..2019)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added in the last 7 days (2w, 3m, 1y, or added:2024-05-01..)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one paper by its arXiv id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one paper by its DOI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>papers from an import whose file name contains daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, authors, abstracts, tags and notes. &quot;exact phrase&quot;, trans*, title:, author:, tag:, is:starred, status:unread, year:2021..2024, added:7d, OR, NOT, -word.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchSyntaxDialog</name>
    <message>
        <source>Search syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One syntax in the search box and on the command line. Double-click an example (or press Enter on it) to search with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smart lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import: %1 (undone)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n paper(s) until the start of:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a &amp;month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>&lt;h2&gt;Your library is empty&lt;/h2&gt;
&lt;p&gt;Bring in the papers you follow, in any of these ways:&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Import files&lt;/b&gt; with &lt;i&gt;File ▸ Import…&lt;/i&gt; (Ctrl+I): BibTeX, RIS, CSL-JSON, arXiv
Atom, Hugging Face JSON, Markdown reading lists, CSV.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Drag files&lt;/b&gt; from your file manager onto this window.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Paste&lt;/b&gt; with &lt;i&gt;Edit ▸ Paste papers&lt;/i&gt; (Ctrl+Shift+V): copy a Hugging Face Daily
Papers page, a BibTeX snippet or a list of arXiv links, then paste.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Or &lt;b&gt;try the sample papers&lt;/b&gt;: twelve papers from a Daily Papers page, to look around;
undo the import when you are done.&lt;/p&gt;
&lt;p&gt;Papers that arrive twice are merged, and nothing you add (stars, notes, tags, queues) is
ever overwritten by an import.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the sample papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import twelve papers from a Hugging Face Daily Papers page, shipped with readerapp, to look around (an import you can undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste papers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Since:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers added and read per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backlog at the end of each week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median days the backlog had waited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing read with a tag yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing read from a queue yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 papers; %2 in the backlog. Since %3: %4 added, %5 read; median %6 days from added to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skimmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skimmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message>
        <source>Rename tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for the tag “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Merge into “%1”?

A tag named “%1” exists already. The %Ln paper(s) tagged “%2” get “%1” and “%2” disappears.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Merge tag “%1” into “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename tag “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “%1” from %Ln paper(s)?

The papers stay in the library. Edit ▸ Undo puts the tag back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete tag “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch &amp;Daily Papers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add by identifier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Star / unstar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to &amp;queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from this queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up in queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down in queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Markdown links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as BibTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark skimmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About readerapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkStatus</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this work; what it has not saved is rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
