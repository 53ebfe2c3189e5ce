<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;readerapp %1&lt;/h3&gt;&lt;p&gt;A local reading-list manager for research papers.&lt;/p&gt;&lt;p&gt;Library: &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;readerapp %1&lt;/h3&gt;&lt;p&gt;Eine lokale Leselisten-Verwaltung für wissenschaftliche Artikel.&lt;/p&gt;&lt;p&gt;Bibliothek: &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AddByIdDialog</name>
    <message>
        <source>Authors unknown</source>
        <translation>Autoren unbekannt</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source>Add papers by identifier</source>
        <translation>Artikel per Kennung hinzufügen</translation>
    </message>
    <message>
        <source>Paste arXiv ids, DOIs or their links (arXiv, Hugging Face, doi.org) in any mix, one per line or separated by spaces or commas.</source>
        <translation>Fügen Sie arXiv-IDs, DOIs oder ihre Links (arXiv, Hugging Face, doi.org) beliebig gemischt ein, eine pro Zeile oder durch Leerzeichen oder Kommas getrennt.</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Kennungen</translation>
    </message>
    <message>
        <source>Cancel look-up</source>
        <translation>Abfrage abbrechen</translation>
    </message>
    <message>
        <source>Papers found</source>
        <translation>Gefundene Artikel</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>In the library</source>
        <translation>In der Bibliothek</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>&amp;Nachschlagen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message numerus="yes">
        <source>%n identifier(s) recognised: %1</source>
        <translation>
            <numerusform>%n Kennung erkannt: %1</numerusform>
            <numerusform>%n Kennungen erkannt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No identifier recognised yet.</source>
        <translation>Noch keine Kennung erkannt.</translation>
    </message>
    <message>
        <source>Not identifiers, left out: %1</source>
        <translation>Keine Kennungen, ausgelassen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Looking up %n identifier(s)…</source>
        <translation>
            <numerusform>%n Kennung wird nachgeschlagen …</numerusform>
            <numerusform>%n Kennungen werden nachgeschlagen …</numerusform>
        </translation>
    </message>
    <message>
        <source>Look-up cancelled.</source>
        <translation>Abfrage abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Found %Ln paper(s): %1 new, %2 already in the library.</source>
        <translation>
            <numerusform>%Ln Artikel gefunden: %1 neu, %2 bereits in der Bibliothek.</numerusform>
            <numerusform>%Ln Artikel gefunden: %1 neu, %2 bereits in der Bibliothek.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %Ln paper(s): %1 new.</source>
        <translation>
            <numerusform>%Ln Artikel gefunden: %1 neu.</numerusform>
            <numerusform>%Ln Artikel gefunden: %1 neu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import: the library has them all, with every detail.</source>
        <translation>Nichts zu importieren: Die Bibliothek enthält alle, mit allen Angaben.</translation>
    </message>
    <message>
        <source>No source knows any of these identifiers.</source>
        <translation>Keine Quelle kennt eine dieser Kennungen.</translation>
    </message>
    <message>
        <source>No source knows: %1</source>
        <translation>Keiner Quelle bekannt: %1</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln paper(s)</source>
        <translation>
            <numerusform>%Ln Artikel &amp;importieren</numerusform>
            <numerusform>%Ln Artikel &amp;importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Not in the library yet: imported as a new paper</source>
        <translation>Noch nicht in der Bibliothek: wird als neuer Artikel importiert</translation>
    </message>
    <message numerus="yes">
        <source>Yes; gains %n detail(s)</source>
        <translation>
            <numerusform>Ja; erhält %n Angabe</numerusform>
            <numerusform>Ja; erhält %n Angaben</numerusform>
        </translation>
    </message>
    <message>
        <source>In the library; the import fills its %1</source>
        <translation>In der Bibliothek; der Import ergänzt: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>In the library with all of these details: nothing to add</source>
        <translation>In der Bibliothek mit allen diesen Angaben: nichts hinzuzufügen</translation>
    </message>
</context>
<context>
    <name>CompletionFlow</name>
    <message>
        <source>There are no papers here to complete.</source>
        <translation>Hier gibt es keine Artikel zu vervollständigen.</translation>
    </message>
    <message>
        <source>Details are already being looked up; wait or cancel it.</source>
        <translation>Angaben werden bereits abgefragt; warten Sie oder brechen Sie ab.</translation>
    </message>
    <message>
        <source>Completing details…</source>
        <translation>Angaben werden vervollständigt …</translation>
    </message>
    <message>
        <source>No paper here misses details.</source>
        <translation>Keinem Artikel hier fehlen Angaben.</translation>
    </message>
    <message numerus="yes">
        <source>Looking up %Ln paper(s)…</source>
        <translation>
            <numerusform>%Ln Artikel wird abgefragt …</numerusform>
            <numerusform>%Ln Artikel werden abgefragt …</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving what was found…</source>
        <translation>Gefundenes wird gespeichert …</translation>
    </message>
    <message>
        <source>Complete details</source>
        <translation>Angaben vervollständigen</translation>
    </message>
    <message>
        <source>Could not complete the new papers: %1</source>
        <translation>Die neuen Artikel konnten nicht vervollständigt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Apply %n candidate(s)</source>
        <translation>
            <numerusform>%n Kandidaten übernehmen</numerusform>
            <numerusform>%n Kandidaten übernehmen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompletionSummaryDialog</name>
    <message>
        <source>Details completed</source>
        <translation>Angaben vervollständigt</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Why unsure</source>
        <translation>Warum unsicher</translation>
    </message>
    <message numerus="yes">
        <source>Check the candidates that are your paper (%Ln); Apply chosen fills the paper from them:</source>
        <translation>
            <numerusform>Haken Sie die Kandidaten an, die Ihr Artikel sind (%Ln); „Auswahl übernehmen“ ergänzt den Artikel daraus:</numerusform>
            <numerusform>Haken Sie die Kandidaten an, die Ihr Artikel sind (%Ln); „Auswahl übernehmen“ ergänzt den Artikel daraus:</numerusform>
        </translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Ergänzt</translation>
    </message>
    <message numerus="yes">
        <source>Filled (%Ln):</source>
        <translation>
            <numerusform>Ergänzt (%Ln):</numerusform>
            <numerusform>Ergänzt (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No source knew (%Ln):</source>
        <translation>
            <numerusform>Keiner Quelle bekannt (%Ln):</numerusform>
            <numerusform>Keiner Quelle bekannt (%Ln):</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply chosen</source>
        <translation>Auswahl &amp;übernehmen</translation>
    </message>
    <message>
        <source>Your paper: %1</source>
        <translation>Ihr Artikel: %1</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>übernommen</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n candidate(s):</source>
        <translation>
            <numerusform>%n Kandidat übernommen:</numerusform>
            <numerusform>%n Kandidaten übernommen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s) filled (Ctrl+Z undoes it).</source>
        <translation>
            <numerusform>%n Artikel ergänzt (Strg+Z macht es rückgängig).</numerusform>
            <numerusform>%n Artikel ergänzt (Strg+Z macht es rückgängig).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>readerapp hit a problem</source>
        <translation>readerapp ist auf ein Problem gestoßen</translation>
    </message>
    <message>
        <source>Something went wrong inside readerapp. Your library is safe: the change in progress was not saved.
Please report this with the details below.</source>
        <translation>In readerapp ist etwas schiefgegangen. Ihre Bibliothek ist sicher: Die laufende Änderung wurde nicht gespeichert.
Bitte melden Sie den Fehler mit den Details unten.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
</context>
<context>
    <name>DailyDialog</name>
    <message>
        <source>Fetch Daily Papers</source>
        <translation>Daily Papers abrufen</translation>
    </message>
    <message>
        <source>Imports the papers of Hugging Face&apos;s Daily Papers page of a day as one import, which Undo takes back. Papers already in the library gain only what they lack.</source>
        <translation>Importiert die Artikel der Daily-Papers-Seite von Hugging Face eines Tages als einen Import, den „Rückgängig“ zurücknimmt. Artikel, die schon in der Bibliothek sind, erhalten nur, was ihnen fehlt.</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation>&amp;Abrufen</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Select a paper to see its details.</source>
        <translation>Wählen Sie einen Artikel aus, um seine Angaben zu sehen.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Angaben bearbeiten</translation>
    </message>
    <message>
        <source>Edit the title, authors, dates, ids, abstract and links by hand (F2)</source>
        <translation>Titel, Autoren, Daten, IDs, Abstract und Links von Hand bearbeiten (F2)</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>comma-separated, e.g. peft, to discuss</source>
        <translation>durch Kommas getrennt, z. B. peft, besprechen</translation>
    </message>
    <message>
        <source>Add to queue…</source>
        <translation>Zur Leseliste …</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>Abstract</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Note view</source>
        <translation>Notizansicht</translation>
    </message>
    <message>
        <source>Note editor</source>
        <translation>Notizeditor</translation>
    </message>
    <message>
        <source>Write a note in Markdown; it saves as you type.</source>
        <translation>Schreiben Sie eine Notiz in Markdown; sie wird beim Tippen gespeichert.</translation>
    </message>
    <message>
        <source>Note preview</source>
        <translation>Notizvorschau</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Related papers</source>
        <translation>Verwandte Artikel</translation>
    </message>
    <message>
        <source>Authors unknown</source>
        <translation>Autoren unbekannt</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
    <message numerus="yes">
        <source>Edited by hand: %1. Imports and look-ups leave them as you wrote them.</source>
        <translation>
            <numerusform>Von Hand bearbeitet: %1. Importe und Abfragen lassen es so, wie Sie es geschrieben haben.</numerusform>
            <numerusform>Von Hand bearbeitet: %1. Importe und Abfragen lassen sie so, wie Sie sie geschrieben haben.</numerusform>
        </translation>
    </message>
    <message>
        <source>★ Starred</source>
        <translation>★ Mit Stern</translation>
    </message>
    <message>
        <source>☆ Star</source>
        <translation>☆ Stern</translation>
    </message>
    <message>
        <source>In queues: %1</source>
        <translation>Auf Leselisten: %1</translation>
    </message>
    <message>
        <source>Not in a queue</source>
        <translation>Auf keiner Leseliste</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No abstract.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Kein Abstract.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No related papers found.</source>
        <translation>Keine verwandten Artikel gefunden.</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>Unsaved edits of “%1” were discarded.</source>
        <translation>Nicht gespeicherte Änderungen an „%1“ wurden verworfen.</translation>
    </message>
    <message numerus="yes">
        <source>Star %n paper(s)</source>
        <translation>
            <numerusform>%n Artikel mit Stern markieren</numerusform>
            <numerusform>%n Artikel mit Stern markieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unstar %n paper(s)</source>
        <translation>
            <numerusform>Stern von %n Artikel entfernen</numerusform>
            <numerusform>Stern von %n Artikeln entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the status of %n paper(s) to %1</source>
        <translation>
            <numerusform>Status von %n Artikel auf „%1“ setzen</numerusform>
            <numerusform>Status von %n Artikeln auf „%1“ setzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag papers</source>
        <translation>Tag vergeben</translation>
    </message>
    <message numerus="yes">
        <source>Tag %n paper(s) with:</source>
        <translation>
            <numerusform>%n Artikel mit diesem Tag versehen:</numerusform>
            <numerusform>%n Artikel mit diesem Tag versehen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %n paper(s) “%1”</source>
        <translation>
            <numerusform>%n Artikel mit „%1“ taggen</numerusform>
            <numerusform>%n Artikel mit „%1“ taggen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %n paper(s) “%1”</source>
        <translation>
            <numerusform>„%1“ von %n Artikel entfernen</numerusform>
            <numerusform>„%1“ von %n Artikeln entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected papers have no tags.</source>
        <translation>Die ausgewählten Artikel haben keine Tags.</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Tag entfernen</translation>
    </message>
    <message>
        <source>Remove the tag:</source>
        <translation>Diesen Tag entfernen:</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>Tags bearbeiten</translation>
    </message>
    <message>
        <source>Select one paper to edit its details.</source>
        <translation>Wählen Sie einen Artikel aus, um seine Angaben zu bearbeiten.</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Saved %1. Ctrl+Z undoes it.</source>
        <translation>%1 gespeichert. Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <source>readerapp hit a problem (see the report)</source>
        <translation>readerapp ist auf ein Problem gestoßen (siehe Bericht)</translation>
    </message>
    <message>
        <source>Delete papers</source>
        <translation>Artikel löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %Ln paper(s) from the library, with their notes, tags and queue places?
You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Diesen Artikel mit seinen Notizen, Tags und Leselistenplätzen aus der Bibliothek löschen?
Sie können das mit Strg+Z rückgängig machen.</numerusform>
            <numerusform>Diese %Ln Artikel mit ihren Notizen, Tags und Leselistenplätzen aus der Bibliothek löschen?
Sie können das mit Strg+Z rückgängig machen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln paper(s)</source>
        <translation>
            <numerusform>%Ln Artikel löschen</numerusform>
            <numerusform>%Ln Artikel löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>This note was changed elsewhere while you edited it. Both versions are kept: yours is the new note headed “Conflict copy”.</source>
        <translation>Diese Notiz wurde anderswo geändert, während Sie sie bearbeitet haben. Beide Fassungen bleiben erhalten: Ihre ist die neue Notiz mit der Überschrift „Conflict copy“.</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Fetching the PDF from the server…</source>
        <translation>Das PDF wird vom Server geholt …</translation>
    </message>
    <message>
        <source>No viewer could be started for %1</source>
        <translation>Für %1 konnte kein Anzeigeprogramm gestartet werden</translation>
    </message>
    <message>
        <source>The browser could not be started for %1</source>
        <translation>Der Browser konnte für %1 nicht gestartet werden</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln Markdown link(s).</source>
        <translation>
            <numerusform>%Ln Markdown-Link kopiert.</numerusform>
            <numerusform>%Ln Markdown-Links kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln BibTeX entries.</source>
        <translation>
            <numerusform>%Ln BibTeX-Eintrag kopiert.</numerusform>
            <numerusform>%Ln BibTeX-Einträge kopiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngineBar</name>
    <message>
        <source>Switch to tantivy</source>
        <translation>Zu tantivy wechseln</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss; this suggestion will not come back for this library (Edit ▸ Preferences… can switch at any time)</source>
        <translation>Ausblenden; dieser Vorschlag erscheint für diese Bibliothek nicht wieder (Bearbeiten ▸ Einstellungen … kann jederzeit wechseln)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&lt;!-- %1 lines of &lt;head&gt; (title and style sheet) not shown --&gt;</source>
        <translation>&lt;!-- %1 Zeilen von &lt;head&gt; (Titel und Stylesheet) nicht gezeigt --&gt;</translation>
    </message>
    <message>
        <source>Export papers</source>
        <translation>Artikel exportieren</translation>
    </message>
    <message>
        <source>Selected papers</source>
        <translation>Ausgewählte Artikel</translation>
    </message>
    <message>
        <source>&amp;Selected papers (%1)</source>
        <translation>&amp;Ausgewählte Artikel (%1)</translation>
    </message>
    <message>
        <source>This &amp;list: %1 (%2)</source>
        <translation>Diese &amp;Liste: %1 (%2)</translation>
    </message>
    <message>
        <source>The &amp;whole library (%1)</source>
        <translation>Die &amp;ganze Bibliothek (%1)</translation>
    </message>
    <message>
        <source>The whole library</source>
        <translation>Die ganze Bibliothek</translation>
    </message>
    <message>
        <source>Papers:</source>
        <translation>Artikel:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Export preview</source>
        <translation>Exportvorschau</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Preview (%Ln paper(s)):</source>
        <translation>
            <numerusform>Vorschau (%Ln Artikel):</numerusform>
            <numerusform>Vorschau (%Ln Artikel):</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview of the first %1 of %2 papers (the file has them all):</source>
        <translation>Vorschau der ersten %1 von %2 Artikeln (die Datei enthält alle):</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln paper(s) to %1</source>
        <translation>
            <numerusform>%Ln Artikel nach %1 exportiert</numerusform>
            <numerusform>%Ln Artikel nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting %1 of %2 papers…</source>
        <translation>%1 von %2 Artikeln werden exportiert …</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln paper(s)</source>
        <translation>
            <numerusform>%Ln Artikel kopiert</numerusform>
            <numerusform>%Ln Artikel kopiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>That import was already undone.</source>
        <translation>Dieser Import wurde bereits rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Paper dumps (%1);;All files (*)</source>
        <translation>Artikellisten (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import papers</source>
        <translation>Artikel importieren</translation>
    </message>
    <message>
        <source>Nothing to paste</source>
        <translation>Nichts einzufügen</translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Importieren.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert …</translation>
    </message>
    <message>
        <source>Import cancelled; the library is unchanged.</source>
        <translation>Import abgebrochen; die Bibliothek ist unverändert.</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>Wird indiziert …</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>Import wird rückgängig gemacht …</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Import rückgängig machen</translation>
    </message>
    <message>
        <source>Undo import %1 (%2)?

The papers it added that you have not touched since are removed, and the fields it filled on papers already in the library are cleared. Papers you starred, tagged, queued, annotated or edited stay. This cannot be redone, except by importing again.</source>
        <translation>Import %1 (%2) rückgängig machen?

Die Artikel, die er hinzugefügt hat und die Sie seitdem nicht angefasst haben, werden entfernt, und die Felder, die er bei bereits vorhandenen Artikeln ergänzt hat, werden geleert. Artikel, die Sie mit Stern markiert, getaggt, auf eine Leseliste gesetzt, mit Notizen versehen oder bearbeitet haben, bleiben. Das lässt sich nur durch einen erneuten Import wiederholen.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Nothing can be imported from it.</source>
        <translation>Daraus lässt sich nichts importieren.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported: none of the %Ln sources can be read.</source>
        <translation>
            <numerusform>Nichts zu importieren: Die Quelle kann nicht gelesen werden.</numerusform>
            <numerusform>Nichts zu importieren: Keine der %Ln Quellen kann gelesen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 neu</translation>
    </message>
    <message>
        <source>%1 already in the library</source>
        <translation>%1 bereits in der Bibliothek</translation>
    </message>
    <message>
        <source>%1 of them get new details</source>
        <translation>davon %1 mit neuen Angaben</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 übersprungen</translation>
    </message>
    <message>
        <source>%1 left out</source>
        <translation>%1 ausgelassen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln source(s) cannot be read (see below)</source>
        <translation>
            <numerusform>%Ln Quelle kann nicht gelesen werden (siehe unten)</numerusform>
            <numerusform>%Ln Quellen können nicht gelesen werden (siehe unten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every paper is left out: check the ones to import.</source>
        <translation>Alle Artikel sind ausgelassen: Haken Sie die zu importierenden an.</translation>
    </message>
    <message>
        <source>Nothing new: every paper is already in the library with these details. Importing only applies the queue and tag options below.</source>
        <translation>Nichts Neues: Alle Artikel sind mit diesen Angaben bereits in der Bibliothek. Der Import wendet nur die Leselisten- und Tag-Optionen unten an.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln new paper(s)</source>
        <translation>
            <numerusform>%Ln neuen Artikel &amp;importieren</numerusform>
            <numerusform>%Ln neue Artikel &amp;importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>the clipboard</source>
        <translation>die Zwischenablage</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>die Standardeingabe</translation>
    </message>
    <message>
        <source>%1 is a folder. Import the files in it instead.</source>
        <translation>%1 ist ein Ordner. Importieren Sie stattdessen die Dateien darin.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 holds no text: there is nothing to import.</source>
        <translation>%1 enthält keinen Text: Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2.</source>
        <translation>%1 kann nicht importiert werden: %2.</translation>
    </message>
    <message>
        <source>%1 cannot be found: it was moved, renamed or deleted.</source>
        <translation>%1 ist nicht auffindbar: verschoben, umbenannt oder gelöscht.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: you are not allowed to read it.</source>
        <translation>%1 kann nicht geöffnet werden: Sie haben keine Leseberechtigung.</translation>
    </message>
    <message>
        <source>%1 is not a text file (a PDF, an image or an archive, perhaps). readerapp imports lists of papers saved as text: BibTeX, RIS, JSON, Markdown and the like.</source>
        <translation>%1 ist keine Textdatei (vielleicht ein PDF, ein Bild oder ein Archiv). readerapp importiert als Text gespeicherte Artikellisten: BibTeX, RIS, JSON, Markdown und Ähnliches.</translation>
    </message>
    <message>
        <source>%1 does not look like any format readerapp knows. If it is one of them, choose it under Format.</source>
        <translation>%1 sieht nach keinem Format aus, das readerapp kennt. Falls es eines davon ist, wählen Sie es unter „Format“.</translation>
    </message>
    <message>
        <source>%1 cannot be read as %2. Line %3: %4. Choose the format it is in under Format.</source>
        <translation>%1 kann nicht als %2 gelesen werden. Zeile %3: %4. Wählen Sie das richtige Format unter „Format“.</translation>
    </message>
    <message>
        <source>%1 cannot be read as %2. %3. Choose the format it is in under Format.</source>
        <translation>%1 kann nicht als %2 gelesen werden. %3. Wählen Sie das richtige Format unter „Format“.</translation>
    </message>
    <message>
        <source>The other sources are imported without it.</source>
        <translation>Die anderen Quellen werden ohne sie importiert.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>kein Zugriff</translation>
    </message>
    <message>
        <source>not text</source>
        <translation>kein Text</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>nicht erkannt</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Paper %1</source>
        <translation>Artikel %1</translation>
    </message>
    <message>
        <source>In the file: %1</source>
        <translation>In der Datei: %1</translation>
    </message>
    <message>
        <source>%1 et al.</source>
        <translation>%1 u. a.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>First author</source>
        <translation>Erstautor</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Leselisten</translation>
    </message>
    <message>
        <source>This import fills in</source>
        <translation>Dieser Import ergänzt</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nichts Neues</translation>
    </message>
    <message>
        <source>Nothing to fill in</source>
        <translation>Nichts zu ergänzen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>In library</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Ergänzt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Import papers</source>
        <translation>Artikel importieren</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen …</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Unchecked papers are not added to the library.</source>
        <translation>Nicht angehakte Artikel werden nicht in die Bibliothek aufgenommen.</translation>
    </message>
    <message>
        <source>Matched by arXiv id, DOI or title; only fields they lack are filled in, and stars, status, tags, notes and queues stay as they are. Unchecked papers are left as they are and the options below skip them.</source>
        <translation>Zugeordnet über arXiv-ID, DOI oder Titel; nur fehlende Felder werden ergänzt, Sterne, Status, Tags, Notizen und Leselisten bleiben, wie sie sind. Nicht angehakte Artikel bleiben unverändert, und die Optionen unten übergehen sie.</translation>
    </message>
    <message>
        <source>Skipped entries</source>
        <translation>Übersprungene Einträge</translation>
    </message>
    <message>
        <source>Entries that cannot become papers, with where and why</source>
        <translation>Einträge, aus denen kein Artikel werden kann, mit Ort und Grund</translation>
    </message>
    <message>
        <source>Papers of the source</source>
        <translation>Artikel der Quelle</translation>
    </message>
    <message>
        <source>New papers</source>
        <translation>Neue Artikel</translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation>Bereits vorhanden</translation>
    </message>
    <message>
        <source>Papers already in the library</source>
        <translation>Artikel, die bereits in der Bibliothek sind</translation>
    </message>
    <message>
        <source>Add all imported papers to the &amp;queue:</source>
        <translation>Alle importierten Artikel auf die &amp;Leseliste:</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Leseliste</translation>
    </message>
    <message>
        <source>An existing queue, or type a new name</source>
        <translation>Eine vorhandene Leseliste, oder tippen Sie einen neuen Namen</translation>
    </message>
    <message>
        <source>Add the &amp;tag:</source>
        <translation>Den &amp;Tag vergeben:</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>An existing tag, or type a new one</source>
        <translation>Ein vorhandener Tag, oder tippen Sie einen neuen</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>Die Vorschau ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Text from the clipboard</source>
        <translation>Text aus der Zwischenablage</translation>
    </message>
    <message>
        <source>Detecting…</source>
        <translation>Wird erkannt …</translation>
    </message>
    <message>
        <source>Choose a format</source>
        <translation>Format wählen</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>(no line)</source>
        <translation>(keine Zeile)</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>From %1: %2 new, %3 merged, %4 already there, %5 skipped, %6 left out.</source>
        <translation>Aus %1: %2 neu, %3 ergänzt, %4 schon vorhanden, %5 übersprungen, %6 ausgelassen.</translation>
    </message>
    <message>
        <source>From %1: %2 new, %3 merged, %4 already there, %5 skipped.</source>
        <translation>Aus %1: %2 neu, %3 ergänzt, %4 schon vorhanden, %5 übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>From %1: nothing — all %Ln paper(s) left out.</source>
        <translation>
            <numerusform>Aus %1: nichts – der Artikel ist ausgelassen.</numerusform>
            <numerusform>Aus %1: nichts – alle %Ln Artikel sind ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From %1: nothing new — %Ln paper(s) already in the library, %2 left out.</source>
        <translation>
            <numerusform>Aus %1: nichts Neues – %Ln Artikel ist bereits in der Bibliothek, %2 ausgelassen.</numerusform>
            <numerusform>Aus %1: nichts Neues – %Ln Artikel sind bereits in der Bibliothek, %2 ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From %1: nothing new — all %Ln paper(s) already in the library.</source>
        <translation>
            <numerusform>Aus %1: nichts Neues – der Artikel ist bereits in der Bibliothek.</numerusform>
            <numerusform>Aus %1: nichts Neues – alle %Ln Artikel sind bereits in der Bibliothek.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln paper(s) to the queue “%1”.</source>
        <translation>
            <numerusform>%Ln Artikel auf die Leseliste „%1“ gesetzt.</numerusform>
            <numerusform>%Ln Artikel auf die Leseliste „%1“ gesetzt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %Ln paper(s) “%1”.</source>
        <translation>
            <numerusform>%Ln Artikel mit „%1“ getaggt.</numerusform>
            <numerusform>%Ln Artikel mit „%1“ getaggt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import done</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>&amp;Show imported papers</source>
        <translation>Importierte Artikel &amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation>Import &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>tagged %1 “%2”</source>
        <translation>%1 mit „%2“ verschlagwortet</translation>
    </message>
    <message>
        <source>queued %1 on “%2”</source>
        <translation>%1 in „%2“ eingereiht</translation>
    </message>
    <message>
        <source>starred %1</source>
        <translation>%1 mit Stern markiert</translation>
    </message>
    <message>
        <source>%1 for today</source>
        <translation>%1 für heute</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message numerus="yes">
        <source>Rule %1 matched %Ln paper(s): %2</source>
        <translation>
            <numerusform>Regel %1 traf %Ln Artikel: %2</numerusform>
            <numerusform>Regel %1 traf %Ln Artikel: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Wird rückgängig gemacht …</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>Import rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>LookupFlow</name>
    <message>
        <source>Nothing was looked up: %1</source>
        <translation>Nichts wurde abgefragt: %1</translation>
    </message>
    <message>
        <source>The look-up failed; nothing changed.</source>
        <translation>Die Abfrage ist fehlgeschlagen; nichts wurde geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Adding %Ln paper(s)…</source>
        <translation>
            <numerusform>%Ln Artikel wird hinzugefügt …</numerusform>
            <numerusform>%Ln Artikel werden hinzugefügt …</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching Daily Papers of %1…</source>
        <translation>Daily Papers vom %1 werden abgerufen …</translation>
    </message>
    <message>
        <source>Fetching Daily Papers cancelled; nothing changed.</source>
        <translation>Abruf der Daily Papers abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln paper(s)…</source>
        <translation>
            <numerusform>%Ln Artikel wird importiert …</numerusform>
            <numerusform>%Ln Artikel werden importiert …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the library…</source>
        <translation>Die Bibliothek wird geöffnet …</translation>
    </message>
    <message>
        <source>Cop&amp;y library to…</source>
        <translation>Bibliothek &amp;kopieren nach …</translation>
    </message>
    <message>
        <source>Select one or more papers first.</source>
        <translation>Wählen Sie zuerst einen oder mehrere Artikel aus.</translation>
    </message>
    <message>
        <source>Opening library…</source>
        <translation>Bibliothek wird geöffnet …</translation>
    </message>
    <message>
        <source>Select a paper to see its details.</source>
        <translation>Wählen Sie einen Artikel aus, um seine Angaben zu sehen.</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>Keine Bibliothek geöffnet.</translation>
    </message>
    <message>
        <source>Copying the library…</source>
        <translation>Bibliothek wird kopiert …</translation>
    </message>
    <message>
        <source>Copy cancelled; nothing was written.</source>
        <translation>Kopieren abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Copied %1 papers to %2; the copy builds its search index when opened.</source>
        <translation>%1 Artikel nach %2 kopiert; die Kopie legt ihren Suchindex beim ersten Öffnen an.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s) in the library</source>
        <translation>
            <numerusform>%Ln Artikel in der Bibliothek</numerusform>
            <numerusform>%Ln Artikel in der Bibliothek</numerusform>
        </translation>
    </message>
    <message>
        <source>No papers here.</source>
        <translation>Hier sind keine Artikel.</translation>
    </message>
    <message>
        <source>No papers match this search.</source>
        <translation>Keine Artikel passen zu dieser Suche.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s) selected.</source>
        <translation>
            <numerusform>%Ln Artikel ausgewählt.</numerusform>
            <numerusform>%Ln Artikel ausgewählt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln ausgewählt</numerusform>
            <numerusform>%Ln ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>This paper is no longer in the library.</source>
        <translation>Dieser Artikel ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <source>Rename queue…</source>
        <translation>Leseliste umbenennen …</translation>
    </message>
    <message>
        <source>Delete queue</source>
        <translation>Leseliste löschen</translation>
    </message>
    <message>
        <source>Delete smart list</source>
        <translation>Intelligente Liste löschen</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>Diesen Import rückgängig machen …</translation>
    </message>
    <message>
        <source>The language changes when readerapp starts next.</source>
        <translation>Die Sprache wechselt beim nächsten Start von readerapp.</translation>
    </message>
    <message>
        <source>(none open)</source>
        <translation>(keine geöffnet)</translation>
    </message>
    <message>
        <source>About readerapp</source>
        <translation>Über readerapp</translation>
    </message>
</context>
<context>
    <name>OpenLibraryDialog</name>
    <message>
        <source>Open library</source>
        <translation>Bibliothek öffnen</translation>
    </message>
    <message>
        <source>Copy library to</source>
        <translation>Bibliothek kopieren nach</translation>
    </message>
    <message>
        <source>Where the library is</source>
        <translation>Wo die Bibliothek liegt</translation>
    </message>
    <message>
        <source>Library on this machine or on a server</source>
        <translation>Bibliothek auf diesem Rechner oder auf einem Server</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copies the open library, with its stars, notes, tags, queues, rules and history, into an empty folder or an empty database. The copy builds its search index when it is first opened.</source>
        <translation>Kopiert die geöffnete Bibliothek mit Sternen, Notizen, Tags, Leselisten, Regeln und Verlauf in einen leeren Ordner oder eine leere Datenbank. Die Kopie legt ihren Suchindex beim ersten Öffnen an.</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Bibliotheksordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Browse for a library folder</source>
        <translation>Einen Bibliotheksordner suchen</translation>
    </message>
    <message>
        <source>&amp;Library folder:</source>
        <translation>&amp;Bibliotheksordner:</translation>
    </message>
    <message>
        <source>An empty folder, or a new one: the copy is made there.</source>
        <translation>Ein leerer oder neuer Ordner: Dort entsteht die Kopie.</translation>
    </message>
    <message>
        <source>A folder that holds a library, or an empty folder to start a new library in.</source>
        <translation>Ein Ordner mit einer Bibliothek, oder ein leerer Ordner für eine neue Bibliothek.</translation>
    </message>
    <message>
        <source>Open or create a library folder</source>
        <translation>Bibliotheksordner öffnen oder anlegen</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>your login name if left empty</source>
        <translation>leer: Ihr Anmeldename</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <source>disable: no encryption</source>
        <translation>disable: keine Verschlüsselung</translation>
    </message>
    <message>
        <source>prefer: encrypt when the server offers it</source>
        <translation>prefer: verschlüsseln, wenn der Server es anbietet</translation>
    </message>
    <message>
        <source>require: always encrypt</source>
        <translation>require: immer verschlüsseln</translation>
    </message>
    <message>
        <source>verify-full: encrypt and check the server&apos;s certificate</source>
        <translation>verify-full: verschlüsseln und das Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>SSL &amp;mode:</source>
        <translation>SSL-&amp;Modus:</translation>
    </message>
    <message>
        <source>readerapp stores no password. PostgreSQL&apos;s client finds it in ~/.pgpass (on Windows %APPDATA%\postgresql\pgpass.conf), in a service file or in the PGPASSWORD variable.</source>
        <translation>readerapp speichert kein Passwort. Der PostgreSQL-Client findet es in ~/.pgpass (unter Windows %APPDATA%\postgresql\pgpass.conf), in einer Service-Datei oder in der Variablen PGPASSWORD.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Keine Verbindung: %1</translation>
    </message>
    <message>
        <source>the database is empty; opening it starts a new library there</source>
        <translation>die Datenbank ist leer; Öffnen legt dort eine neue Bibliothek an</translation>
    </message>
    <message>
        <source>it holds a library of %1 papers</source>
        <translation>sie enthält eine Bibliothek mit %1 Artikeln</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1 as %2: %3.</source>
        <translation>Verbunden mit PostgreSQL %1 als %2: %3.</translation>
    </message>
</context>
<context>
    <name>PaperChoicePane</name>
    <message>
        <source>Check &amp;all</source>
        <translation>&amp;Alle anhaken</translation>
    </message>
    <message>
        <source>Check n&amp;one</source>
        <translation>&amp;Keinen anhaken</translation>
    </message>
    <message>
        <source>%1 of %2 checked. %3</source>
        <translation>%1 von %2 angehakt. %3</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
</context>
<context>
    <name>PaperEditor</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Erschienen in</translation>
    </message>
    <message>
        <source>arXiv id</source>
        <translation>arXiv-ID</translation>
    </message>
    <message>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>Abstract</translation>
    </message>
    <message>
        <source>Abstract page</source>
        <translation>Abstract-Seite</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Project page</source>
        <translation>Projektseite</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>Erscheinungsort</translation>
    </message>
    <message>
        <source>abstract</source>
        <translation>Abstract</translation>
    </message>
    <message>
        <source>abstract page link</source>
        <translation>Link zur Abstract-Seite</translation>
    </message>
    <message>
        <source>PDF link</source>
        <translation>PDF-Link</translation>
    </message>
    <message>
        <source>Hugging Face link</source>
        <translation>Hugging-Face-Link</translation>
    </message>
    <message>
        <source>code link</source>
        <translation>Code-Link</translation>
    </message>
    <message>
        <source>project page link</source>
        <translation>Link zur Projektseite</translation>
    </message>
    <message>
        <source>One name per line, or “Ada Lovelace; Alan Turing”</source>
        <translation>Ein Name pro Zeile, oder „Ada Lovelace; Alan Turing“</translation>
    </message>
    <message>
        <source>e.g. 2023</source>
        <translation>z. B. 2023</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>JJJJ, JJJJ-MM oder JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>e.g. NeurIPS 2023</source>
        <translation>z. B. NeurIPS 2023</translation>
    </message>
    <message>
        <source>e.g. 2106.09685, or an arxiv.org link</source>
        <translation>z. B. 2106.09685, oder ein arxiv.org-Link</translation>
    </message>
    <message>
        <source>e.g. 10.1145/3442188.3445922, or a doi.org link</source>
        <translation>z. B. 10.1145/3442188.3445922, oder ein doi.org-Link</translation>
    </message>
    <message>
        <source>The paper&apos;s abstract; a blank line starts a new paragraph</source>
        <translation>Das Abstract des Artikels; eine Leerzeile beginnt einen neuen Absatz</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Angaben bearbeiten</translation>
    </message>
    <message>
        <source>What you change here stays yours: imports and look-ups never overwrite it. Enter or Ctrl+Enter saves, Esc cancels, Ctrl+Z after saving undoes.</source>
        <translation>Was Sie hier ändern, bleibt Ihres: Importe und Abfragen überschreiben es nie. Eingabe oder Strg+Eingabe speichert, Esc bricht ab, Strg+Z nach dem Speichern macht es rückgängig.</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the changes (Enter or Ctrl+Enter)</source>
        <translation>Änderungen speichern (Eingabe oder Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Leave without saving (Esc)</source>
        <translation>Ohne Speichern verlassen (Esc)</translation>
    </message>
    <message>
        <source>Edited by hand: imports and look-ups leave it alone</source>
        <translation>Von Hand bearbeitet: Importe und Abfragen lassen es unverändert</translation>
    </message>
    <message>
        <source>⚠ Not saved: %1</source>
        <translation>⚠ Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>PaperTable</name>
    <message numerus="yes">
        <source>Copied %Ln paper(s) as text, Markdown links and BibTeX.</source>
        <translation>
            <numerusform>%Ln Artikel als Text, Markdown-Link und BibTeX kopiert.</numerusform>
            <numerusform>%Ln Artikel als Text, Markdown-Links und BibTeX kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Stern</translation>
    </message>
</context>
<context>
    <name>PaperTableModel</name>
    <message>
        <source>A PDF is kept in the library (O opens it)</source>
        <translation>Ein PDF liegt in der Bibliothek (O öffnet es)</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Mit Stern</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Leselisten</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>A PDF is kept in the library</source>
        <translation>Ein PDF liegt in der Bibliothek</translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <source>Attach a PDF to the paper</source>
        <translation>Dem Artikel ein PDF anhängen</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF-Dateien (*.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Attaching %1…</source>
        <translation>%1 wird angehängt …</translation>
    </message>
    <message>
        <source>Attach PDF</source>
        <translation>PDF anhängen</translation>
    </message>
    <message>
        <source>PDFs are already being downloaded; wait or cancel it.</source>
        <translation>Es werden bereits PDFs heruntergeladen; warten Sie oder brechen Sie ab.</translation>
    </message>
    <message>
        <source>Downloading PDFs…</source>
        <translation>PDFs werden heruntergeladen …</translation>
    </message>
    <message>
        <source>It has a PDF kept in the library. What should happen to it?</source>
        <translation>Zu ihm liegt ein PDF in der Bibliothek. Was soll damit geschehen?</translation>
    </message>
    <message>
        <source>They have %1 PDFs kept in the library. What should happen to them?</source>
        <translation>Zu ihnen liegen %1 PDFs in der Bibliothek. Was soll damit geschehen?</translation>
    </message>
    <message>
        <source>Delete, keep the PDFs</source>
        <translation>Löschen, PDFs behalten</translation>
    </message>
    <message>
        <source>Delete with the PDFs</source>
        <translation>Mit den PDFs löschen</translation>
    </message>
    <message>
        <source>The files stay in the library&apos;s files folder; undo links them again</source>
        <translation>Die Dateien bleiben im Ordner „files“ der Bibliothek; Rückgängig verknüpft sie wieder</translation>
    </message>
    <message>
        <source>The files are deleted from disk; undo cannot bring them back</source>
        <translation>Die Dateien werden von der Festplatte gelöscht; Rückgängig kann sie nicht zurückholen</translation>
    </message>
</context>
<context>
    <name>PdfPanel</name>
    <message>
        <source>Open PDF</source>
        <translation>PDF öffnen</translation>
    </message>
    <message>
        <source>Open the kept PDF in the system viewer (O)</source>
        <translation>Das PDF der Bibliothek im Anzeigeprogramm des Systems öffnen (O)</translation>
    </message>
    <message>
        <source>Where the search words were found</source>
        <translation>Wo die Suchwörter gefunden wurden</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 Seiten</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (und %1 weitere)</translation>
    </message>
    <message>
        <source>PDF: </source>
        <translation>PDF: </translation>
    </message>
    <message>
        <source>Found in the PDF:</source>
        <translation>Gefunden im PDF:</translation>
    </message>
    <message>
        <source>Found in the abstract:</source>
        <translation>Gefunden im Abstract:</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>&amp;Download the PDF of papers put on a queue</source>
        <translation>PDF von Artikeln &amp;herunterladen, die auf eine Leseliste kommen</translation>
    </message>
    <message>
        <source>From each paper&apos;s PDF link (arXiv papers have one), in the background, at arXiv&apos;s pace; the files are stored on the server with the library, and this machine keeps a copy in its cache folder</source>
        <translation>Über den PDF-Link jedes Artikels (arXiv-Artikel haben einen), im Hintergrund, in arXivs Tempo; die Dateien werden mit der Bibliothek auf dem Server gespeichert, und dieser Rechner behält eine Kopie in seinem Cache-Ordner</translation>
    </message>
    <message>
        <source>From each paper&apos;s PDF link (arXiv papers have one), in the background, at arXiv&apos;s pace; the files are kept in the library folder</source>
        <translation>Über den PDF-Link jedes Artikels (arXiv-Artikel haben einen), im Hintergrund, in arXivs Tempo; die Dateien liegen im Bibliotheksordner</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Written in Python and the default. Fast for libraries up to about %1 papers; beyond that, some searches take longer than a keystroke.</source>
        <translation>In Python geschrieben und voreingestellt. Schnell für Bibliotheken bis etwa %1 Artikel; darüber dauern manche Suchen länger als ein Tastendruck.</translation>
    </message>
    <message>
        <source>A compiled engine (Rust). Stays fast at 100,000 papers and more and indexes about twenty times faster; recommended for large libraries.</source>
        <translation>Eine kompilierte Suchmaschine (Rust). Bleibt bei 100.000 Artikeln und mehr schnell und indiziert etwa zwanzigmal schneller; empfohlen für große Bibliotheken.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What is sent where.&lt;/b&gt; Only when papers are looked up (Add by identifier, Complete details, Fetch Daily Papers, or after an import with the box above ticked): arXiv ids and titles to arXiv (export.arxiv.org); arXiv ids, titles and dates to Hugging Face (huggingface.co); DOIs and titles to Crossref (api.crossref.org); arXiv ids, DOIs and titles to Semantic Scholar (api.semanticscholar.org).</source>
        <translation>&lt;b&gt;Was wohin gesendet wird.&lt;/b&gt; Nur wenn Artikel abgefragt werden („Per Kennung hinzufügen“, „Angaben vervollständigen“, „Daily Papers abrufen“ oder nach einem Import, wenn das Kästchen oben angehakt ist): arXiv-IDs und Titel an arXiv (export.arxiv.org); arXiv-IDs, Titel und Daten an Hugging Face (huggingface.co); DOIs und Titel an Crossref (api.crossref.org); arXiv-IDs, DOIs und Titel an Semantic Scholar (api.semanticscholar.org).</translation>
    </message>
    <message>
        <source>Nothing else of your library leaves the machine: no notes, tags, stars or queues.</source>
        <translation>Sonst verlässt nichts aus Ihrer Bibliothek den Rechner: keine Notizen, Tags, Sterne oder Leselisten.</translation>
    </message>
    <message>
        <source>Nothing else of your library goes to these services: its notes, tags, stars and queues are kept on the library&apos;s server, and sent nowhere else.</source>
        <translation>Sonst geht nichts aus Ihrer Bibliothek an diese Dienste: Ihre Notizen, Tags, Sterne und Leselisten liegen auf dem Server der Bibliothek und werden nirgendwohin sonst gesendet.</translation>
    </message>
    <message>
        <source>Answers are cached in the library folder, so asking again sends nothing.</source>
        <translation>Antworten werden im Bibliotheksordner zwischengespeichert, eine erneute Abfrage sendet also nichts.</translation>
    </message>
    <message>
        <source>Answers are cached on this machine, in its cache folder for this library (not on the server), so asking again from this machine sends nothing.</source>
        <translation>Antworten werden auf diesem Rechner zwischengespeichert, in seinem Cache-Ordner für diese Bibliothek (nicht auf dem Server), eine erneute Abfrage von diesem Rechner sendet also nichts.</translation>
    </message>
    <message>
        <source>“%1” does not look like an e-mail address (such as name@example.org); leave the field empty to send none.</source>
        <translation>„%1“ sieht nicht wie eine E-Mail-Adresse aus (etwa name@example.org); lassen Sie das Feld leer, um keine zu senden.</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>unter einer Minute</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>etwa %n Minute</numerusform>
            <numerusform>etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Search engine on this machine</source>
        <translation>Suchmaschine auf diesem Rechner</translation>
    </message>
    <message numerus="yes">
        <source>This library has %Ln paper(s). Each machine searches it with its own index, so the engine chosen here is this machine&apos;s: other machines keep theirs. The engine only changes how fast searches are; results, stars, notes, tags and queues stay the same.</source>
        <translation>
            <numerusform>Diese Bibliothek hat %Ln Artikel. Jeder Rechner durchsucht sie mit seinem eigenen Index, die hier gewählte Suchmaschine gilt also für diesen Rechner: andere Rechner behalten ihre. Die Suchmaschine ändert nur, wie schnell gesucht wird; Ergebnisse, Sterne, Notizen, Tags und Leselisten bleiben gleich.</numerusform>
            <numerusform>Diese Bibliothek hat %Ln Artikel. Jeder Rechner durchsucht sie mit seinem eigenen Index, die hier gewählte Suchmaschine gilt also für diesen Rechner: andere Rechner behalten ihre. Die Suchmaschine ändert nur, wie schnell gesucht wird; Ergebnisse, Sterne, Notizen, Tags und Leselisten bleiben gleich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search engine</source>
        <translation>Suchmaschine</translation>
    </message>
    <message numerus="yes">
        <source>This library has %Ln paper(s). The engine only changes how fast searches are; results, stars, notes, tags and queues stay the same.</source>
        <translation>
            <numerusform>Diese Bibliothek hat %Ln Artikel. Die Suchmaschine ändert nur, wie schnell gesucht wird; Ergebnisse, Sterne, Notizen, Tags und Leselisten bleiben gleich.</numerusform>
            <numerusform>Diese Bibliothek hat %Ln Artikel. Die Suchmaschine ändert nur, wie schnell gesucht wird; Ergebnisse, Sterne, Notizen, Tags und Leselisten bleiben gleich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>&amp;Use the network for look-ups</source>
        <translation>&amp;Netzwerk für Abfragen nutzen</translation>
    </message>
    <message>
        <source>Off: nothing is sent anywhere, by the window or the command line; look-ups answer from the cache alone and say so.</source>
        <translation>Aus: Weder das Fenster noch die Kommandozeile sendet irgendetwas; Abfragen antworten nur aus dem Zwischenspeicher und sagen das.</translation>
    </message>
    <message>
        <source>%1 is set in the environment: this session stays offline whatever this switch says.</source>
        <translation>%1 ist in der Umgebung gesetzt: Diese Sitzung bleibt offline, egal was dieser Schalter sagt.</translation>
    </message>
    <message>
        <source>Contact &amp;e-mail:</source>
        <translation>&amp;Kontakt-E-Mail:</translation>
    </message>
    <message>
        <source>name@example.org (optional)</source>
        <translation>name@example.org (optional)</translation>
    </message>
    <message>
        <source>Sent in the User-Agent of every request, and to Crossref as mailto, so that the APIs can reach you instead of blocking you.</source>
        <translation>Wird im User-Agent jeder Anfrage und an Crossref als mailto gesendet, damit die Dienste Sie erreichen können, statt Sie zu sperren.</translation>
    </message>
    <message>
        <source>%1 overrides it in this session.</source>
        <translation>%1 ersetzt sie in dieser Sitzung.</translation>
    </message>
    <message>
        <source>&amp;Look up missing details after each import</source>
        <translation>Fehlende Angaben nach jedem Import &amp;abfragen</translation>
    </message>
    <message>
        <source>New papers that miss authors, dates, ids or links are completed in the background, as Complete details does; fields you edited are never changed.</source>
        <translation>Neuen Artikeln ohne Autoren, Daten, IDs oder Links werden diese im Hintergrund ergänzt, wie bei „Angaben vervollständigen“; von Ihnen bearbeitete Felder bleiben unverändert.</translation>
    </message>
    <message>
        <source>Settings are saved in %1</source>
        <translation>Die Einstellungen werden in %1 gespeichert</translation>
    </message>
    <message>
        <source>Reading routine</source>
        <translation>Leseroutine</translation>
    </message>
    <message>
        <source>&amp;Re-read after:</source>
        <translation>E&amp;rneut lesen nach:</translation>
    </message>
    <message>
        <source>A paper marked for re-reading comes back to Today after the first step, then after each next one: d days, w weeks, m months, y years.</source>
        <translation>Ein zum erneuten Lesen vorgemerkter Artikel kommt nach dem ersten Schritt wieder in „Heute“, dann nach jedem weiteren: d Tage, w Wochen, m Monate, y Jahre.</translation>
    </message>
    <message>
        <source>Shared libraries</source>
        <translation>Geteilte Bibliotheken</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>Recorded with each change you make; a paper&apos;s history and the other members&apos; windows show it. Empty: your login name.</source>
        <translation>Wird mit jeder Ihrer Änderungen gespeichert; der Verlauf eines Artikels und die Fenster der anderen Mitglieder zeigen ihn. Leer: Ihr Anmeldename.</translation>
    </message>
    <message>
        <source>Searching with %1.</source>
        <translation>Gesucht wird mit %1.</translation>
    </message>
    <message>
        <source>Switching rebuilds this machine&apos;s search index once (%1 for this library) in the background; you can cancel it from the status bar, and the current engine keeps working until it is done. Other machines are not affected.</source>
        <translation>Ein Wechsel baut den Suchindex dieses Rechners einmal im Hintergrund neu auf (%1 für diese Bibliothek); Sie können ihn in der Statusleiste abbrechen, und die bisherige Suchmaschine arbeitet weiter, bis er fertig ist. Andere Rechner sind nicht betroffen.</translation>
    </message>
    <message>
        <source>Switching rebuilds the search index once (%1 for this library) in the background; you can cancel it from the status bar, and the current engine keeps working until it is done.</source>
        <translation>Ein Wechsel baut den Suchindex einmal im Hintergrund neu auf (%1 für diese Bibliothek); Sie können ihn in der Statusleiste abbrechen, und die bisherige Suchmaschine arbeitet weiter, bis er fertig ist.</translation>
    </message>
</context>
<context>
    <name>QueueActions</name>
    <message>
        <source>Add to queue</source>
        <translation>Zur Leseliste hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Add %n paper(s) to the queue:</source>
        <translation>
            <numerusform>%n Artikel auf diese Leseliste setzen:</numerusform>
            <numerusform>%n Artikel auf diese Leseliste setzen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to queue “%1”</source>
        <translation>Auf die Leseliste „%1“ setzen</translation>
    </message>
    <message numerus="yes">
        <source>Read next (%n)</source>
        <translation>
            <numerusform>Als Nächstes lesen (%n)</numerusform>
            <numerusform>Als Nächstes lesen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n paper(s) from “%1”</source>
        <translation>
            <numerusform>%n Artikel von „%1“ nehmen</numerusform>
            <numerusform>%n Artikel von „%1“ nehmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Move in queue</source>
        <translation>In der Leseliste verschieben</translation>
    </message>
    <message>
        <source>Reorder “%1”</source>
        <translation>„%1“ umsortieren</translation>
    </message>
    <message>
        <source>New queue</source>
        <translation>Neue Leseliste</translation>
    </message>
    <message>
        <source>Name of the new queue:</source>
        <translation>Name der neuen Leseliste:</translation>
    </message>
    <message>
        <source>Queue exists</source>
        <translation>Leseliste existiert</translation>
    </message>
    <message>
        <source>A queue named “%1” already exists.</source>
        <translation>Eine Leseliste namens „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>Create queue “%1”</source>
        <translation>Leseliste „%1“ anlegen</translation>
    </message>
    <message>
        <source>Rename queue</source>
        <translation>Leseliste umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Rename queue “%1” to “%2”</source>
        <translation>Leseliste „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Delete queue “%1”</source>
        <translation>Leseliste „%1“ löschen</translation>
    </message>
</context>
<context>
    <name>RemoteChangesView</name>
    <message>
        <source>The library&apos;s change journal no longer reaches back to this window&apos;s last look: everything was read again</source>
        <translation>Das Änderungsprotokoll der Bibliothek reicht nicht mehr bis zum letzten Blick dieses Fensters zurück: Alles wurde neu gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s) changed on another machine (by %1)</source>
        <translation>
            <numerusform>%Ln Artikel auf einem anderen Rechner geändert (von %1)</numerusform>
            <numerusform>%Ln Artikel auf einem anderen Rechner geändert (von %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s) changed in another readerapp (by %1)</source>
        <translation>
            <numerusform>%Ln Artikel in einem anderen readerapp geändert (von %1)</numerusform>
            <numerusform>%Ln Artikel in einem anderen readerapp geändert (von %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutineActions</name>
    <message>
        <source>&amp;Archive (out of the Inbox)</source>
        <translation>&amp;Archivieren (aus dem Eingang)</translation>
    </message>
    <message>
        <source>Snoo&amp;ze…</source>
        <translation>Zurüc&amp;kstellen …</translation>
    </message>
    <message>
        <source>&amp;Un-snooze</source>
        <translation>Zurückstellung a&amp;ufheben</translation>
    </message>
    <message>
        <source>&amp;Re-read later</source>
        <translation>Später &amp;erneut lesen</translation>
    </message>
    <message>
        <source>Re-read &amp;done</source>
        <translation>Erneut gelesen, a&amp;bgeschlossen</translation>
    </message>
    <message>
        <source>Go to &amp;Inbox</source>
        <translation>Zum Ein&amp;gang</translation>
    </message>
    <message>
        <source>Go to &amp;Today</source>
        <translation>Zu &amp;Heute</translation>
    </message>
    <message>
        <source>Ru&amp;les…</source>
        <translation>&amp;Regeln …</translation>
    </message>
    <message>
        <source>Statisti&amp;cs…</source>
        <translation>S&amp;tatistik …</translation>
    </message>
    <message>
        <source>Reading history</source>
        <translation>Leseverlauf</translation>
    </message>
    <message>
        <source>&amp;Routine</source>
        <translation>&amp;Routine</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n paper(s)</source>
        <translation>
            <numerusform>%n Artikel archivieren</numerusform>
            <numerusform>%n Artikel archivieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n paper(s) until %1</source>
        <translation>
            <numerusform>%n Artikel bis %1 zurückstellen</numerusform>
            <numerusform>%n Artikel bis %1 zurückstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Un-snooze %n paper(s)</source>
        <translation>
            <numerusform>Zurückstellung von %n Artikel aufheben</numerusform>
            <numerusform>Zurückstellung von %n Artikeln aufheben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-read %n paper(s) later</source>
        <translation>
            <numerusform>%n Artikel später erneut lesen</numerusform>
            <numerusform>%n Artikel später erneut lesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-read %n paper(s)</source>
        <translation>
            <numerusform>%n Artikel erneut gelesen</numerusform>
            <numerusform>%n Artikel erneut gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>re-read #%1 due %2</source>
        <translation>erneutes Lesen Nr. %1 fällig am %2</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>hinzugefügt am %1</translation>
    </message>
    <message>
        <source>back to unread %1</source>
        <translation>wieder ungelesen am %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>begonnen am %1</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>gelesen am %1</translation>
    </message>
    <message>
        <source>skimmed %1</source>
        <translation>überflogen am %1</translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation>verworfen am %1</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>ungelesen</translation>
    </message>
    <message>
        <source>started (date unknown)</source>
        <translation>begonnen (Datum unbekannt)</translation>
    </message>
    <message>
        <source>read (date unknown)</source>
        <translation>gelesen (Datum unbekannt)</translation>
    </message>
    <message>
        <source>skimmed (date unknown)</source>
        <translation>überflogen (Datum unbekannt)</translation>
    </message>
    <message>
        <source>dropped (date unknown)</source>
        <translation>verworfen (Datum unbekannt)</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>QDate layout of a day this year in the history line</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>QDate layout of a day in the history line</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <comment>a history step and who did it</comment>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Edit rule</source>
        <translation>Regel bearbeiten</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>a search, e.g. tag:llm or title:diffusion</source>
        <translation>eine Suche, z. B. tag:llm oder title:diffusion</translation>
    </message>
    <message>
        <source>&amp;Star them</source>
        <translation>Mit Stern &amp;markieren</translation>
    </message>
    <message>
        <source>Put them on &amp;Today&apos;s list</source>
        <translation>Auf die &amp;Heute-Liste setzen</translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation>Name der Regel</translation>
    </message>
    <message>
        <source>Rule query</source>
        <translation>Suche der Regel</translation>
    </message>
    <message>
        <source>Tag to add</source>
        <translation>Zu vergebender Tag</translation>
    </message>
    <message>
        <source>Queue to put them on</source>
        <translation>Leseliste, auf die sie kommen</translation>
    </message>
    <message>
        <source>Star them</source>
        <translation>Mit Stern markieren</translation>
    </message>
    <message>
        <source>Put them on Today&apos;s list</source>
        <translation>Auf die Heute-Liste setzen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>Add &amp;tag:</source>
        <translation>&amp;Tag vergeben:</translation>
    </message>
    <message>
        <source>Put on &amp;queue:</source>
        <translation>Auf &amp;Leseliste setzen:</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>A rule is a saved search with actions. It is applied to the new papers of every import; Preview and Run apply it to the whole library.</source>
        <translation>Eine Regel ist eine gespeicherte Suche mit Aktionen. Sie wird auf die neuen Artikel jedes Imports angewandt; „Vorschau“ und „Auf die Bibliothek anwenden“ wenden sie auf die ganze Bibliothek an.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>R&amp;un on the library</source>
        <translation>Auf die Bibliothek &amp;anwenden</translation>
    </message>
    <message>
        <source>What the rule did</source>
        <translation>Was die Regel getan hat</translation>
    </message>
    <message>
        <source>Save rule “%1”</source>
        <translation>Regel „%1“ speichern</translation>
    </message>
    <message>
        <source>Remove rule “%1”</source>
        <translation>Regel „%1“ entfernen</translation>
    </message>
    <message>
        <source>Run rule “%1”</source>
        <translation>Regel „%1“ anwenden</translation>
    </message>
</context>
<context>
    <name>SearchEngineControl</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The network settings could not be saved to %1: %2</source>
        <translation>Die Netzwerkeinstellungen konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Switching to %1…</source>
        <translation>Wechsel zu %1 …</translation>
    </message>
    <message>
        <source>Switch cancelled; searches still use %1.</source>
        <translation>Wechsel abgebrochen; gesucht wird weiter mit %1.</translation>
    </message>
    <message numerus="yes">
        <source>Searches now use %1 (%Ln paper(s) indexed).</source>
        <translation>
            <numerusform>Gesucht wird jetzt mit %1 (%Ln Artikel indiziert).</numerusform>
            <numerusform>Gesucht wird jetzt mit %1 (%Ln Artikel indiziert).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(indexing %Ln paper(s): text matches may be incomplete)</source>
        <translation>
            <numerusform>(%Ln Artikel wird indiziert: Texttreffer sind evtl. unvollständig)</numerusform>
            <numerusform>(%Ln Artikel werden indiziert: Texttreffer sind evtl. unvollständig)</numerusform>
        </translation>
    </message>
    <message>
        <source>Another readerapp is writing the search index (an import&apos;s indexing): these papers are saved and listed, and their text is indexed as soon as it has finished.</source>
        <translation>Ein anderes readerapp schreibt gerade den Suchindex (die Indizierung eines Imports): Diese Artikel sind gespeichert und aufgelistet, ihr Text wird indiziert, sobald es fertig ist.</translation>
    </message>
    <message>
        <source>Newly imported papers are listed and filterable at once; searching their text works when indexing finishes (progress in the status bar).</source>
        <translation>Neu importierte Artikel erscheinen sofort und lassen sich filtern; ihr Text ist durchsuchbar, sobald die Indizierung fertig ist (Fortschritt in der Statusleiste).</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: words, &quot;phrases&quot;, author:, tag:, is:starred, status:read, year:2023…</source>
        <translation>Suche: Wörter, &quot;Phrasen&quot;, author:, tag:, is:starred, status:read, year:2023 …</translation>
    </message>
    <message>
        <source>Help ▸ Search syntax (Shift+F1) has them all.</source>
        <translation>Hilfe ▸ Suchsyntax (Umschalt+F1) zeigt alle.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Save as smart list</source>
        <translation>Als intelligente Liste speichern</translation>
    </message>
    <message>
        <source>%1 (at character %2)</source>
        <translation>%1 (bei Zeichen %2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s)</source>
        <translation>
            <numerusform>%Ln Artikel</numerusform>
            <numerusform>%Ln Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>Nichts zu speichern</translation>
    </message>
    <message>
        <source>Type a search first, then save it.</source>
        <translation>Geben Sie zuerst eine Suche ein und speichern Sie sie dann.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>SearchSyntax</name>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>papers with both words, best matches first</source>
        <translation>Artikel mit beiden Wörtern, beste Treffer zuerst</translation>
    </message>
    <message>
        <source>the words in this order (hyphens or not)</source>
        <translation>die Wörter in dieser Reihenfolge (mit oder ohne Bindestriche)</translation>
    </message>
    <message>
        <source>that compound word</source>
        <translation>genau dieses zusammengesetzte Wort</translation>
    </message>
    <message>
        <source>words that start with trans (at least two letters)</source>
        <translation>Wörter, die mit trans beginnen (mindestens zwei Buchstaben)</translation>
    </message>
    <message>
        <source>words within one typing error (kroneker~2: two)</source>
        <translation>Wörter mit höchstens einem Tippfehler (kroneker~2: zwei)</translation>
    </message>
    <message>
        <source>In one field</source>
        <translation>In einem Feld</translation>
    </message>
    <message>
        <source>the word in the title</source>
        <translation>das Wort im Titel</translation>
    </message>
    <message>
        <source>an author</source>
        <translation>ein Autor</translation>
    </message>
    <message>
        <source>the word in the abstract</source>
        <translation>das Wort im Abstract</translation>
    </message>
    <message>
        <source>the word in your notes</source>
        <translation>das Wort in Ihren Notizen</translation>
    </message>
    <message>
        <source>the words in the paper&apos;s PDF (plain words search it too)</source>
        <translation>die Wörter im PDF des Artikels (einfache Wörter durchsuchen es auch)</translation>
    </message>
    <message>
        <source>Logic</source>
        <translation>Logik</translation>
    </message>
    <message>
        <source>either word</source>
        <translation>eines der beiden Wörter</translation>
    </message>
    <message>
        <source>the first without the second (also -video)</source>
        <translation>das erste ohne das zweite (auch -video)</translation>
    </message>
    <message>
        <source>brackets group; terms side by side are ANDed</source>
        <translation>Klammern gruppieren; nebeneinanderstehende Begriffe müssen alle zutreffen</translation>
    </message>
    <message>
        <source>Your marks</source>
        <translation>Ihre Markierungen</translation>
    </message>
    <message>
        <source>starred papers (is:unstarred: the others)</source>
        <translation>Artikel mit Stern (is:unstarred: die anderen)</translation>
    </message>
    <message>
        <source>papers on any queue</source>
        <translation>Artikel auf irgendeiner Leseliste</translation>
    </message>
    <message>
        <source>papers with a PDF kept in the library (-has:pdf: without)</source>
        <translation>Artikel mit einem in der Bibliothek abgelegten PDF (-has:pdf: ohne)</translation>
    </message>
    <message>
        <source>papers on one queue</source>
        <translation>Artikel auf einer bestimmten Leseliste</translation>
    </message>
    <message>
        <source>unread, reading, read, skimmed or dropped (or is:read)</source>
        <translation>unread, reading, read, skimmed oder dropped (oder is:read)</translation>
    </message>
    <message>
        <source>a tag (tag:&quot;vision models&quot; with spaces, tag:vis* any tag)</source>
        <translation>ein Tag (tag:&quot;vision models&quot; mit Leerzeichen, tag:vis* beliebiger Tag)</translation>
    </message>
    <message>
        <source>Your routine</source>
        <translation>Ihre Routine</translation>
    </message>
    <message>
        <source>new papers from imports not yet triaged</source>
        <translation>neue Artikel aus Importen, noch nicht gesichtet</translation>
    </message>
    <message>
        <source>papers snoozed until a later day</source>
        <translation>auf einen späteren Tag zurückgestellte Artikel</translation>
    </message>
    <message>
        <source>read papers marked for re-reading</source>
        <translation>gelesene Artikel, die zum erneuten Lesen vorgemerkt sind</translation>
    </message>
    <message>
        <source>marked read in the last 7 days (read:2026-05, read:2026-05..)</source>
        <translation>in den letzten 7 Tagen als gelesen markiert (read:2026-05, read:2026-05..)</translation>
    </message>
    <message>
        <source>marked reading in that range</source>
        <translation>in diesem Zeitraum als begonnen markiert</translation>
    </message>
    <message>
        <source>Dates, ids and sources</source>
        <translation>Daten, IDs und Quellen</translation>
    </message>
    <message>
        <source>published in 2023 (year:2021..2024, year:..2019)</source>
        <translation>erschienen 2023 (year:2021..2024, year:..2019)</translation>
    </message>
    <message>
        <source>added in the last 7 days (2w, 3m, 1y, or added:2024-05-01..)</source>
        <translation>in den letzten 7 Tagen hinzugefügt (2w, 3m, 1y oder added:2024-05-01..)</translation>
    </message>
    <message>
        <source>one paper by its arXiv id</source>
        <translation>ein Artikel über seine arXiv-ID</translation>
    </message>
    <message>
        <source>one paper by its DOI</source>
        <translation>ein Artikel über seine DOI</translation>
    </message>
    <message>
        <source>papers from an import whose file name contains daily</source>
        <translation>Artikel aus einem Import, dessen Dateiname daily enthält</translation>
    </message>
    <message>
        <source>Search titles, authors, abstracts, tags and notes. &quot;exact phrase&quot;, trans*, title:, author:, tag:, is:starred, status:unread, year:2021..2024, added:7d, OR, NOT, -word.</source>
        <translation>Durchsucht Titel, Autoren, Abstracts, Tags und Notizen. &quot;genaue Phrase&quot;, trans*, title:, author:, tag:, is:starred, status:unread, year:2021..2024, added:7d, OR, NOT, -wort.</translation>
    </message>
</context>
<context>
    <name>SearchSyntaxDialog</name>
    <message>
        <source>Search syntax</source>
        <translation>Suchsyntax</translation>
    </message>
    <message>
        <source>One syntax in the search box and on the command line. Double-click an example (or press Enter on it) to search with it.</source>
        <translation>Eine Syntax für das Suchfeld und die Kommandozeile. Doppelklicken Sie auf ein Beispiel (oder drücken Sie darauf die Eingabetaste), um damit zu suchen.</translation>
    </message>
    <message>
        <source>Search examples</source>
        <translation>Suchbeispiele</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Finds</source>
        <translation>Findet</translation>
    </message>
    <message>
        <source>Search for %1</source>
        <translation>Nach %1 suchen</translation>
    </message>
</context>
<context>
    <name>ServerUnreachableDialog</name>
    <message>
        <source>Cannot reach the server</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>The library&apos;s server does not answer: %1</source>
        <translation>Der Server der Bibliothek antwortet nicht: %1</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Open a &amp;local library</source>
        <translation>&amp;Lokale Bibliothek öffnen</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Leselisten</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Smart lists</source>
        <translation>Intelligente Listen</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Library lists</source>
        <translation>Listen der Bibliothek</translation>
    </message>
    <message>
        <source>All papers</source>
        <translation>Alle Artikel</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Mit Stern</translation>
    </message>
    <message>
        <source>Tag: %1</source>
        <translation>Tag: %1</translation>
    </message>
    <message>
        <source>Import: %1</source>
        <translation>Import: %1</translation>
    </message>
    <message>
        <source>Import: %1 (undone)</source>
        <translation>Import: %1 (rückgängig gemacht)</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n paper(s) until the start of:</source>
        <translation>
            <numerusform>Diesen Artikel zurückstellen bis zum Beginn von:</numerusform>
            <numerusform>%n Artikel zurückstellen bis zum Beginn von:</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Tomorrow</source>
        <translation>&amp;Morgen</translation>
    </message>
    <message>
        <source>In &amp;3 days</source>
        <translation>In &amp;3 Tagen</translation>
    </message>
    <message>
        <source>&amp;Next week</source>
        <translation>&amp;Nächste Woche</translation>
    </message>
    <message>
        <source>In a &amp;month</source>
        <translation>In einem Mon&amp;at</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
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
        <translation>&lt;h2&gt;Ihre Bibliothek ist leer&lt;/h2&gt;
&lt;p&gt;Holen Sie die Artikel, die Sie verfolgen, auf einem dieser Wege herein:&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Dateien importieren&lt;/b&gt; mit &lt;i&gt;Datei ▸ Importieren …&lt;/i&gt; (Strg+I): BibTeX, RIS, CSL-JSON, arXiv
Atom, Hugging-Face-JSON, Markdown-Leselisten, CSV.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Dateien ziehen&lt;/b&gt; aus Ihrem Dateimanager in dieses Fenster.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Einfügen&lt;/b&gt; mit &lt;i&gt;Bearbeiten ▸ Artikel einfügen&lt;/i&gt; (Strg+Umschalt+V): Kopieren Sie eine Daily-Papers-Seite
von Hugging Face, ein BibTeX-Stück oder eine Liste von arXiv-Links und fügen Sie sie ein.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Oder &lt;b&gt;probieren Sie die Beispielartikel&lt;/b&gt;: zwölf Artikel einer Daily-Papers-Seite zum Umsehen;
machen Sie den Import danach einfach rückgängig.&lt;/p&gt;
&lt;p&gt;Doppelt ankommende Artikel werden zusammengeführt, und nichts, was Sie hinzufügen (Sterne, Notizen, Tags, Leselisten),
wird je von einem Import überschrieben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Try the sample papers</source>
        <translation>Beispielartikel ausprobieren</translation>
    </message>
    <message>
        <source>Import twelve papers from a Hugging Face Daily Papers page, shipped with readerapp, to look around (an import you can undo)</source>
        <translation>Importiert zwölf Artikel einer Daily-Papers-Seite von Hugging Face, die readerapp beiliegt, zum Umsehen (ein Import, den Sie rückgängig machen können)</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Dateien importieren …</translation>
    </message>
    <message>
        <source>Paste papers</source>
        <translation>Artikel einfügen</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Reading statistics</source>
        <translation>Lesestatistik</translation>
    </message>
    <message>
        <source>&amp;Since:</source>
        <translation>&amp;Seit:</translation>
    </message>
    <message>
        <source>Statistics since</source>
        <translation>Statistik seit</translation>
    </message>
    <message>
        <source>Papers added and read per week</source>
        <translation>Hinzugefügte und gelesene Artikel pro Woche</translation>
    </message>
    <message>
        <source>Backlog at the end of each week</source>
        <translation>Rückstand am Ende jeder Woche</translation>
    </message>
    <message>
        <source>Median days the backlog had waited</source>
        <translation>Median der Tage, die der Rückstand gewartet hatte</translation>
    </message>
    <message>
        <source>Read by tag</source>
        <translation>Gelesen nach Tag</translation>
    </message>
    <message>
        <source>Nothing read with a tag yet</source>
        <translation>Noch nichts mit Tag gelesen</translation>
    </message>
    <message>
        <source>Read by queue</source>
        <translation>Gelesen nach Leseliste</translation>
    </message>
    <message>
        <source>Nothing read from a queue yet</source>
        <translation>Noch nichts von einer Leseliste gelesen</translation>
    </message>
    <message>
        <source>%1 papers; %2 in the backlog. Since %3: %4 added, %5 read; median %6 days from added to read.</source>
        <translation>%1 Artikel; %2 im Rückstand. Seit %3: %4 hinzugefügt, %5 gelesen; Median %6 Tage vom Hinzufügen bis zum Lesen.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Skimmed</source>
        <translation>Überflogen</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>ungelesen</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>begonnen</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>skimmed</source>
        <translation>überflogen</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message>
        <source>Rename tag…</source>
        <translation>Tag umbenennen …</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>Tag löschen</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>Tag umbenennen</translation>
    </message>
    <message>
        <source>New name for the tag “%1”:</source>
        <translation>Neuer Name für den Tag „%1“:</translation>
    </message>
    <message>
        <source>Merge tags</source>
        <translation>Tags zusammenführen</translation>
    </message>
    <message numerus="yes">
        <source>Merge into “%1”?

A tag named “%1” exists already. The %Ln paper(s) tagged “%2” get “%1” and “%2” disappears.</source>
        <translation>
            <numerusform>In „%1“ zusammenführen?

Ein Tag namens „%1“ existiert bereits. Der mit „%2“ getaggte Artikel erhält „%1“, und „%2“ verschwindet.</numerusform>
            <numerusform>In „%1“ zusammenführen?

Ein Tag namens „%1“ existiert bereits. Die %Ln mit „%2“ getaggten Artikel erhalten „%1“, und „%2“ verschwindet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge tag “%1” into “%2”</source>
        <translation>Tag „%1“ in „%2“ zusammenführen</translation>
    </message>
    <message>
        <source>Rename tag “%1” to “%2”</source>
        <translation>Tag „%1“ in „%2“ umbenennen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “%1” from %Ln paper(s)?

The papers stay in the library. Edit ▸ Undo puts the tag back.</source>
        <translation>
            <numerusform>Den Tag „%1“ von %Ln Artikel entfernen?

Der Artikel bleibt in der Bibliothek. Bearbeiten ▸ Rückgängig stellt den Tag wieder her.</numerusform>
            <numerusform>Den Tag „%1“ von %Ln Artikeln entfernen?

Die Artikel bleiben in der Bibliothek. Bearbeiten ▸ Rückgängig stellt den Tag wieder her.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete tag “%1”</source>
        <translation>Tag „%1“ löschen</translation>
    </message>
</context>
<context>
    <name>WeeklyBars</name>
    <message>
        <source>week of %1: %2</source>
        <translation>Woche vom %1: %2</translation>
    </message>
</context>
<context>
    <name>WeeklyLine</name>
    <message>
        <source>week of %1: %2</source>
        <translation>Woche vom %1: %2</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Fetch &amp;Daily Papers…</source>
        <translation>&amp;Daily Papers abrufen …</translation>
    </message>
    <message>
        <source>&amp;Add by identifier…</source>
        <translation>Per &amp;Kennung hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Complete details</source>
        <translation>Angaben &amp;vervollständigen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown links</source>
        <translation>Als &amp;Markdown-Links kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;BibTeX</source>
        <translation>Als BibTe&amp;X kopieren</translation>
    </message>
    <message>
        <source>&amp;Open library…</source>
        <translation>Bibliothek ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Paste papers</source>
        <translation>Artikel &amp;einfügen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>&amp;Star / unstar</source>
        <translation>&amp;Stern setzen/entfernen</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>Mark r&amp;eading</source>
        <translation>Als &amp;begonnen markieren</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Mark &amp;skimmed</source>
        <translation>Als überf&amp;logen markieren</translation>
    </message>
    <message>
        <source>Mark &amp;dropped</source>
        <translation>Als &amp;verworfen markieren</translation>
    </message>
    <message>
        <source>Add to &amp;queue…</source>
        <translation>Zur &amp;Leseliste hinzufügen …</translation>
    </message>
    <message>
        <source>Move do&amp;wn in queue</source>
        <translation>In der Leseliste nach &amp;unten</translation>
    </message>
    <message>
        <source>Remo&amp;ve tag…</source>
        <translation>Ta&amp;g entfernen …</translation>
    </message>
    <message>
        <source>Down&amp;load PDF</source>
        <translation>PDF herunterla&amp;den</translation>
    </message>
    <message>
        <source>&amp;New queue…</source>
        <translation>Neue Leseli&amp;ste …</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Einstellu&amp;ngen …</translation>
    </message>
    <message>
        <source>Set stat&amp;us</source>
        <translation>Status set&amp;zen</translation>
    </message>
    <message>
        <source>&amp;Tag…</source>
        <translation>&amp;Tag vergeben …</translation>
    </message>
    <message>
        <source>Read ne&amp;xt</source>
        <translation>Als Nä&amp;chstes lesen</translation>
    </message>
    <message>
        <source>Remove &amp;from this queue</source>
        <translation>Von dieser Leseliste &amp;nehmen</translation>
    </message>
    <message>
        <source>Move up &amp;in queue</source>
        <translation>In der Leseliste nach &amp;oben</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Lösc&amp;hen …</translation>
    </message>
    <message>
        <source>&amp;Open paper</source>
        <translation>Artikel ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Attach &amp;PDF…</source>
        <translation>&amp;PDF anhängen …</translation>
    </message>
    <message>
        <source>New &amp;note</source>
        <translation>Neue Not&amp;iz</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>Angaben &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About readerapp</source>
        <translation>Ü&amp;ber readerapp</translation>
    </message>
    <message>
        <source>&amp;Search syntax</source>
        <translation>&amp;Suchsyntax</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Artikel</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Leseliste</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
</context>
<context>
    <name>WorkStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this work; what it has not saved is rolled back</source>
        <translation>Diese Arbeit abbrechen; was noch nicht gespeichert ist, wird zurückgerollt</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
</context>
</TS>
