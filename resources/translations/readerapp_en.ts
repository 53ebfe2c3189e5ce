<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddByIdDialog</name>
    <message numerus="yes">
        <source>%n identifier(s) recognised: %1</source>
        <translation>
            <numerusform>%n identifier recognised: %1</numerusform>
            <numerusform>%n identifiers recognised: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking up %n identifier(s)…</source>
        <translation>
            <numerusform>Looking up %n identifier…</numerusform>
            <numerusform>Looking up %n identifiers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %Ln paper(s): %1 new, %2 already in the library.</source>
        <translation>
            <numerusform>Found %Ln paper: %1 new, %2 already in the library.</numerusform>
            <numerusform>Found %Ln papers: %1 new, %2 already in the library.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %Ln paper(s): %1 new.</source>
        <translation>
            <numerusform>Found %Ln paper: %1 new.</numerusform>
            <numerusform>Found %Ln papers: %1 new.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln paper(s)</source>
        <translation>
            <numerusform>&amp;Import %Ln paper</numerusform>
            <numerusform>&amp;Import %Ln papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Yes; gains %n detail(s)</source>
        <translation>
            <numerusform>Yes; gains %n detail</numerusform>
            <numerusform>Yes; gains %n details</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompletionFlow</name>
    <message numerus="yes">
        <source>Looking up %Ln paper(s)…</source>
        <translation>
            <numerusform>Looking up %Ln paper…</numerusform>
            <numerusform>Looking up %Ln papers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n candidate(s)</source>
        <translation>
            <numerusform>Apply %n candidate</numerusform>
            <numerusform>Apply %n candidates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompletionSummaryDialog</name>
    <message numerus="yes">
        <source>Check the candidates that are your paper (%Ln); Apply chosen fills the paper from them:</source>
        <translation>
            <numerusform>Check the candidates that are your paper (%Ln); Apply chosen fills the paper from them:</numerusform>
            <numerusform>Check the candidates that are your paper (%Ln); Apply chosen fills the paper from them:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filled (%Ln):</source>
        <translation>
            <numerusform>Filled (%Ln):</numerusform>
            <numerusform>Filled (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No source knew (%Ln):</source>
        <translation>
            <numerusform>No source knew (%Ln):</numerusform>
            <numerusform>No source knew (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied %n candidate(s):</source>
        <translation>
            <numerusform>Applied %n candidate:</numerusform>
            <numerusform>Applied %n candidates:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s) filled (Ctrl+Z undoes it).</source>
        <translation>
            <numerusform>%n paper filled (Ctrl+Z undoes it).</numerusform>
            <numerusform>%n papers filled (Ctrl+Z undoes it).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <source>Edited by hand: %1. Imports and look-ups leave them as you wrote them.</source>
        <translation>
            <numerusform>Edited by hand: %1. Imports and look-ups leave it as you wrote it.</numerusform>
            <numerusform>Edited by hand: %1. Imports and look-ups leave them as you wrote them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message numerus="yes">
        <source>Star %n paper(s)</source>
        <translation>
            <numerusform>Star %n paper</numerusform>
            <numerusform>Star %n papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unstar %n paper(s)</source>
        <translation>
            <numerusform>Unstar %n paper</numerusform>
            <numerusform>Unstar %n papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the status of %n paper(s) to %1</source>
        <translation>
            <numerusform>Set the status of %n paper to %1</numerusform>
            <numerusform>Set the status of %n papers to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %n paper(s) with:</source>
        <translation>
            <numerusform>Tag %n paper with:</numerusform>
            <numerusform>Tag %n papers with:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %n paper(s) “%1”</source>
        <translation>
            <numerusform>Tag %n paper “%1”</numerusform>
            <numerusform>Tag %n papers “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %n paper(s) “%1”</source>
        <translation>
            <numerusform>Untag %n paper “%1”</numerusform>
            <numerusform>Untag %n papers “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete these %Ln paper(s) from the library, with their notes, tags and queue places?
You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete this paper from the library, with its notes, tags and queue places?
You can undo this with Ctrl+Z.</numerusform>
            <numerusform>Delete these %Ln papers from the library, with their notes, tags and queue places?
You can undo this with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln paper(s)</source>
        <translation>
            <numerusform>Delete %Ln paper</numerusform>
            <numerusform>Delete %Ln papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln Markdown link(s).</source>
        <translation>
            <numerusform>Copied %Ln Markdown link.</numerusform>
            <numerusform>Copied %Ln Markdown links.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln BibTeX entries.</source>
        <translation>
            <numerusform>Copied %Ln BibTeX entry.</numerusform>
            <numerusform>Copied %Ln BibTeX entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Preview (%Ln paper(s)):</source>
        <translation>
            <numerusform>Preview (%Ln paper):</numerusform>
            <numerusform>Preview (%Ln papers):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln paper(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln paper to %1</numerusform>
            <numerusform>Exported %Ln papers to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln paper(s)</source>
        <translation>
            <numerusform>Copied %Ln paper</numerusform>
            <numerusform>Copied %Ln papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>Nothing can be imported: none of the %Ln sources can be read.</source>
        <translation>
            <numerusform>Nothing can be imported: none of the %Ln sources can be read.</numerusform>
            <numerusform>Nothing can be imported: none of the %Ln sources can be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln source(s) cannot be read (see below)</source>
        <translation>
            <numerusform>%Ln source cannot be read (see below)</numerusform>
            <numerusform>%Ln sources cannot be read (see below)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln new paper(s)</source>
        <translation>
            <numerusform>&amp;Import %Ln new paper</numerusform>
            <numerusform>&amp;Import %Ln new papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
        <source>From %1: nothing — all %Ln paper(s) left out.</source>
        <translation>
            <numerusform>From %1: nothing — the paper is left out.</numerusform>
            <numerusform>From %1: nothing — all %Ln papers left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From %1: nothing new — %Ln paper(s) already in the library, %2 left out.</source>
        <translation>
            <numerusform>From %1: nothing new — %Ln paper is already in the library, %2 left out.</numerusform>
            <numerusform>From %1: nothing new — %Ln papers are already in the library, %2 left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From %1: nothing new — all %Ln paper(s) already in the library.</source>
        <translation>
            <numerusform>From %1: nothing new — the paper is already in the library.</numerusform>
            <numerusform>From %1: nothing new — all %Ln papers are already in the library.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln paper(s) to the queue “%1”.</source>
        <translation>
            <numerusform>Added %Ln paper to the queue “%1”.</numerusform>
            <numerusform>Added %Ln papers to the queue “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %Ln paper(s) “%1”.</source>
        <translation>
            <numerusform>Tagged %Ln paper “%1”.</numerusform>
            <numerusform>Tagged %Ln papers “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rule %1 matched %Ln paper(s): %2</source>
        <translation>
            <numerusform>Rule %1 matched %Ln paper: %2</numerusform>
            <numerusform>Rule %1 matched %Ln papers: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LookupFlow</name>
    <message numerus="yes">
        <source>Adding %Ln paper(s)…</source>
        <translation>
            <numerusform>Adding %Ln paper…</numerusform>
            <numerusform>Adding %Ln papers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln paper(s)…</source>
        <translation>
            <numerusform>Importing %Ln paper…</numerusform>
            <numerusform>Importing %Ln papers…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln paper(s) in the library</source>
        <translation>
            <numerusform>%Ln paper in the library</numerusform>
            <numerusform>%Ln papers in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s) selected.</source>
        <translation>
            <numerusform>%Ln paper selected.</numerusform>
            <numerusform>%Ln papers selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperTable</name>
    <message numerus="yes">
        <source>Copied %Ln paper(s) as text, Markdown links and BibTeX.</source>
        <translation>
            <numerusform>Copied %Ln paper as text, Markdown links and BibTeX.</numerusform>
            <numerusform>Copied %Ln papers as text, Markdown links and BibTeX.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>about %n minute</numerusform>
            <numerusform>about %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This library has %Ln paper(s). Each machine searches it with its own index, so the engine chosen here is this machine&apos;s: other machines keep theirs. The engine only changes how fast searches are; results, stars, notes, tags and queues stay the same.</source>
        <translation>
            <numerusform>This library has %Ln paper. Each machine searches it with its own index, so the engine chosen here is this machine&apos;s: other machines keep theirs. The engine only changes how fast searches are; results, stars, notes, tags and queues stay the same.</numerusform>
            <numerusform>This library has %Ln papers. Each machine searches it with its own index, so the engine chosen here is this machine&apos;s: other machines keep theirs. The engine only changes how fast searches are; results, stars, notes, tags and queues stay the same.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This library has %Ln paper(s). The engine only changes how fast searches are; results, stars, notes, tags and queues stay the same.</source>
        <translation>
            <numerusform>This library has %Ln paper. The engine only changes how fast searches are; results, stars, notes, tags and queues stay the same.</numerusform>
            <numerusform>This library has %Ln papers. The engine only changes how fast searches are; results, stars, notes, tags and queues stay the same.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueActions</name>
    <message numerus="yes">
        <source>Add %n paper(s) to the queue:</source>
        <translation>
            <numerusform>Add %n paper to the queue:</numerusform>
            <numerusform>Add %n papers to the queue:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read next (%n)</source>
        <translation>
            <numerusform>Read next (%n)</numerusform>
            <numerusform>Read next (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n paper(s) from “%1”</source>
        <translation>
            <numerusform>Remove %n paper from “%1”</numerusform>
            <numerusform>Remove %n papers from “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoteChangesView</name>
    <message numerus="yes">
        <source>%Ln paper(s) changed on another machine (by %1)</source>
        <translation>
            <numerusform>%Ln paper changed on another machine (by %1)</numerusform>
            <numerusform>%Ln papers changed on another machine (by %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s) changed in another readerapp (by %1)</source>
        <translation>
            <numerusform>%Ln paper changed in another readerapp (by %1)</numerusform>
            <numerusform>%Ln papers changed in another readerapp (by %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutineActions</name>
    <message numerus="yes">
        <source>Archive %n paper(s)</source>
        <translation>
            <numerusform>Archive %n paper</numerusform>
            <numerusform>Archive %n papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n paper(s) until %1</source>
        <translation>
            <numerusform>Snooze %n paper until %1</numerusform>
            <numerusform>Snooze %n papers until %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Un-snooze %n paper(s)</source>
        <translation>
            <numerusform>Un-snooze %n paper</numerusform>
            <numerusform>Un-snooze %n papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-read %n paper(s) later</source>
        <translation>
            <numerusform>Re-read %n paper later</numerusform>
            <numerusform>Re-read %n papers later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-read %n paper(s)</source>
        <translation>
            <numerusform>Re-read %n paper</numerusform>
            <numerusform>Re-read %n papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchEngineControl</name>
    <message numerus="yes">
        <source>Searches now use %1 (%Ln paper(s) indexed).</source>
        <translation>
            <numerusform>Searches now use %1 (%Ln paper indexed).</numerusform>
            <numerusform>Searches now use %1 (%Ln papers indexed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(indexing %Ln paper(s): text matches may be incomplete)</source>
        <translation>
            <numerusform>(indexing %Ln paper: text matches may be incomplete)</numerusform>
            <numerusform>(indexing %Ln papers: text matches may be incomplete)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%Ln paper(s)</source>
        <translation>
            <numerusform>%Ln paper</numerusform>
            <numerusform>%Ln papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message numerus="yes">
        <source>Snooze %n paper(s) until the start of:</source>
        <translation>
            <numerusform>Snooze %n paper until the start of:</numerusform>
            <numerusform>Snooze %n papers until the start of:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message numerus="yes">
        <source>Merge into “%1”?

A tag named “%1” exists already. The %Ln paper(s) tagged “%2” get “%1” and “%2” disappears.</source>
        <translation>
            <numerusform>Merge into “%1”?

A tag named “%1” exists already. The %Ln paper tagged “%2” get “%1” and “%2” disappears.</numerusform>
            <numerusform>Merge into “%1”?

A tag named “%1” exists already. The %Ln papers tagged “%2” get “%1” and “%2” disappears.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “%1” from %Ln paper(s)?

The papers stay in the library. Edit ▸ Undo puts the tag back.</source>
        <translation>
            <numerusform>Delete the tag “%1” from %Ln paper?

The papers stay in the library. Edit ▸ Undo puts the tag back.</numerusform>
            <numerusform>Delete the tag “%1” from %Ln papers?

The papers stay in the library. Edit ▸ Undo puts the tag back.</numerusform>
        </translation>
    </message>
</context>
</TS>
