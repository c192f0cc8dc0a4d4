<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ui</name>
    <message>
        <source>Cannot create the folder %1 for the demo data.</source>
        <translation>Cannot create the folder %1 for the demo data.</translation>
    </message>
    <message>
        <source>Cannot copy the demo data to %1.</source>
        <translation>Cannot copy the demo data to %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo data:&lt;/b&gt; Heart Failure Clinical Records (299 patients), UCI Machine Learning Repository, &lt;a href="https://archive.ics.uci.edu/dataset/519/heart+failure+clinical+records"&gt;dataset 519&lt;/a&gt;. Chicco D., Jurman G. (2020), BMC Medical Informatics and Decision Making 20:16. Licensed under &lt;a href="https://creativecommons.org/licenses/by/4.0/"&gt;CC BY 4.0&lt;/a&gt;.</source>
        <translation>&lt;b&gt;Demo data:&lt;/b&gt; Heart Failure Clinical Records (299 patients), UCI Machine Learning Repository, &lt;a href="https://archive.ics.uci.edu/dataset/519/heart+failure+clinical+records"&gt;dataset 519&lt;/a&gt;. Chicco D., Jurman G. (2020), BMC Medical Informatics and Decision Making 20:16. Licensed under &lt;a href="https://creativecommons.org/licenses/by/4.0/"&gt;CC BY 4.0&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Numerical</source>
        <translation>Numerical</translation>
    </message>
    <message>
        <source>Categorical</source>
        <translation>Categorical</translation>
    </message>
    <message>
        <source>Boolean</source>
        <translation>Boolean</translation>
    </message>
    <message>
        <source>Date/time</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Free text</translation>
    </message>
</context>
<context>
    <name>ui::AboutDialog</name>
    <message>
        <source>About HealthSynth</source>
        <translation>About HealthSynth</translation>
    </message>
    <message>
        <source>Turns a real patient table into a statistically similar synthetic table, and shows how faithful, useful and private the result is.</source>
        <translation>Turns a real patient table into a statistically similar synthetic table, and shows how faithful, useful and private the result is.</translation>
    </message>
    <message>
        <source>Licensed under the MIT licence.</source>
        <translation>Licensed under the MIT licence.</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Built with</translation>
    </message>
</context>
<context>
    <name>ui::ComparePage</name>
    <message>
        <source>Compare: real vs synthetic</source>
        <translation>Compare: real vs synthetic</translation>
    </message>
    <message>
        <source>How closely the synthetic rows follow the real ones, column by column and in pairs.</source>
        <translation>How closely the synthetic rows follow the real ones, column by column and in pairs.</translation>
    </message>
    <message>
        <source>Fidelity overall</source>
        <translation>Fidelity overall</translation>
    </message>
    <message>
        <source>Column shapes</source>
        <translation>Column shapes</translation>
    </message>
    <message>
        <source>Pair trends</source>
        <translation>Pair trends</translation>
    </message>
    <message>
        <source>Utility</source>
        <translation>Utility</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Missing real</source>
        <translation>Missing real</translation>
    </message>
    <message>
        <source>Missing synthetic</source>
        <translation>Missing synthetic</translation>
    </message>
    <message>
        <source>Score per column</source>
        <translation>Score per column</translation>
    </message>
    <message>
        <source>Column to compare</source>
        <translation>Column to compare</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Correlations</source>
        <translation>Correlations</translation>
    </message>
    <message>
        <source>Average of column shapes and pair trends: 100% means the synthetic table is statistically indistinguishable column by column and pair by pair.</source>
        <translation>Average of column shapes and pair trends: 100% means the synthetic table is statistically indistinguishable column by column and pair by pair.</translation>
    </message>
    <message>
        <source>How well each column's distribution is reproduced (KS and TV complements).</source>
        <translation>How well each column's distribution is reproduced (KS and TV complements).</translation>
    </message>
    <message numerus="yes">
        <source>How well relations between columns are kept (%n pair(s) with a clear real trend).</source>
        <translation><numerusform>How well relations between columns are kept (%n pair with a clear real trend).</numerusform><numerusform>How well relations between columns are kept (%n pairs with a clear real trend).</numerusform></translation>
    </message>
    <message>
        <source>Choose a prediction target on the Configure step to see whether models trained on synthetic rows work on real ones.</source>
        <translation>Choose a prediction target on the Configure step to see whether models trained on synthetic rows work on real ones.</translation>
    </message>
    <message>
        <source>Privacy scores appear here when they can be computed.</source>
        <translation>Privacy scores appear here when they can be computed.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Synthetic</translation>
    </message>
    <message>
        <source>Synthetic - real</source>
        <translation>Synthetic - real</translation>
    </message>
</context>
<context>
    <name>ui::CsvSourceWidget</name>
    <message>
        <source>comma</source>
        <translation>comma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>semicolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>pipe</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>Choose a CSV file, or drop one here</source>
        <translation>Choose a CSV file, or drop one here</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <source>Parse options</source>
        <translation>Parse options</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detect</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Comma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Semicolon ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>Pipe ( | )</translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation>First row is a header</translation>
    </message>
    <message>
        <source>No header row</source>
        <translation>No header row</translation>
    </message>
    <message>
        <source>Windows-1252 / Latin-1</source>
        <translation>Windows-1252 / Latin-1</translation>
    </message>
    <message>
        <source>Point ( 1.5 )</source>
        <translation>Point ( 1.5 )</translation>
    </message>
    <message>
        <source>Comma ( 1,5 )</source>
        <translation>Comma ( 1,5 )</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Delimiter:</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Encoding:</translation>
    </message>
    <message>
        <source>Decimal &amp;mark:</source>
        <translation>Decimal &amp;mark:</translation>
    </message>
    <message>
        <source>Cell values read as missing, separated by spaces</source>
        <translation>Cell values read as missing, separated by spaces</translation>
    </message>
    <message>
        <source>Missing &amp;markers:</source>
        <translation>Missing &amp;markers:</translation>
    </message>
    <message>
        <source>Empty cells are missing</source>
        <translation>Empty cells are missing</translation>
    </message>
    <message>
        <source>Skip rows with a wrong number of fields</source>
        <translation>Skip rows with a wrong number of fields</translation>
    </message>
    <message>
        <source>Otherwise such a row stops loading with an error naming its line</source>
        <translation>Otherwise such a row stops loading with an error naming its line</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Preview of the first rows</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>Open a CSV file</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>No recent files</translation>
    </message>
    <message>
        <source>No file chosen yet. Use Browse, a recent file, drop a CSV file here, or try the demo data.</source>
        <translation>No file chosen yet. Use Browse, a recent file, drop a CSV file here, or try the demo data.</translation>
    </message>
    <message>
        <source>Cannot read this file:</source>
        <translation>Cannot read this file:</translation>
    </message>
    <message numerus="yes">
        <source>Preview of the first %n row(s)</source>
        <translation><numerusform>Preview of the first %n row</numerusform><numerusform>Preview of the first %n rows</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation><numerusform>%n column</numerusform><numerusform>%n columns</numerusform></translation>
    </message>
    <message>
        <source>delimiter: %1</source>
        <translation>delimiter: %1</translation>
    </message>
    <message>
        <source>decimal mark: %1</source>
        <translation>decimal mark: %1</translation>
    </message>
    <message>
        <source>header row</source>
        <translation>header row</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>no header row</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>ui::ExportPage</name>
    <message>
        <source>Export: take the synthetic data with you</source>
        <translation>Export: take the synthetic data with you</translation>
    </message>
    <message>
        <source>Only synthetic rows and the report leave from here; the real data stays where it is.</source>
        <translation>Only synthetic rows and the report leave from here; the real data stays where it is.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Browse...</translation>
    </message>
    <message>
        <source>Synthetic table as CSV</source>
        <translation>Synthetic table as CSV</translation>
    </message>
    <message>
        <source>Export &amp;CSV</source>
        <translation>Export &amp;CSV</translation>
    </message>
    <message>
        <source>Export the synthetic table</source>
        <translation>Export the synthetic table</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Evaluation report as PDF</source>
        <translation>Evaluation report as PDF</translation>
    </message>
    <message>
        <source>Export &amp;PDF report</source>
        <translation>Export &amp;PDF report</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Synthetic table to PostgreSQL</source>
        <translation>Synthetic table to PostgreSQL</translation>
    </message>
    <message>
        <source>empty: PGPASSWORD or none</source>
        <translation>empty: PGPASSWORD or none</translation>
    </message>
    <message>
        <source>Create (fail if it exists)</source>
        <translation>Create (fail if it exists)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Append</source>
        <translation>Append</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Table:</translation>
    </message>
    <message>
        <source>If it exists:</source>
        <translation>If it exists:</translation>
    </message>
    <message>
        <source>Export to Postgre&amp;SQL</source>
        <translation>Export to Postgre&amp;SQL</translation>
    </message>
    <message>
        <source>Synthetic table to an S3-compatible bucket</source>
        <translation>Synthetic table to an S3-compatible bucket</translation>
    </message>
    <message>
        <source>empty = AWS; e.g. http://127.0.0.1:9000</source>
        <translation>empty = AWS; e.g. http://127.0.0.1:9000</translation>
    </message>
    <message>
        <source>empty: AWS_ACCESS_KEY_ID</source>
        <translation>empty: AWS_ACCESS_KEY_ID</translation>
    </message>
    <message>
        <source>empty: AWS_SECRET_ACCESS_KEY</source>
        <translation>empty: AWS_SECRET_ACCESS_KEY</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destination:</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpoint:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Access key ID:</source>
        <translation>Access key ID:</translation>
    </message>
    <message>
        <source>Secret key:</source>
        <translation>Secret key:</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Upload</translation>
    </message>
    <message>
        <source>Cannot export the CSV file</source>
        <translation>Cannot export the CSV file</translation>
    </message>
    <message>
        <source>Cannot write the report</source>
        <translation>Cannot write the report</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n synthetic row(s) to %1.</source>
        <translation><numerusform>Wrote %n synthetic row to %1.</numerusform><numerusform>Wrote %n synthetic rows to %1.</numerusform></translation>
    </message>
    <message>
        <source>Wrote the report to %1.</source>
        <translation>Wrote the report to %1.</translation>
    </message>
    <message>
        <source>Check the table name</source>
        <translation>Check the table name</translation>
    </message>
    <message>
        <source>Write the table as schema.table or table.</source>
        <translation>Write the table as schema.table or table.</translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation>Exporting to %1...</translation>
    </message>
    <message>
        <source>Cannot export to PostgreSQL</source>
        <translation>Cannot export to PostgreSQL</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1 on %2.</source>
        <translation><numerusform>Wrote %n row to %1 on %2.</numerusform><numerusform>Wrote %n rows to %1 on %2.</numerusform></translation>
    </message>
    <message>
        <source>Check the destination</source>
        <translation>Check the destination</translation>
    </message>
    <message>
        <source>Missing S3 credentials</source>
        <translation>Missing S3 credentials</translation>
    </message>
    <message>
        <source>Uploading to %1...</source>
        <translation>Uploading to %1...</translation>
    </message>
    <message>
        <source>Cannot upload to S3</source>
        <translation>Cannot upload to S3</translation>
    </message>
    <message numerus="yes">
        <source>Uploaded %n object(s) to %1.</source>
        <translation><numerusform>Uploaded %n object to %1.</numerusform><numerusform>Uploaded %n objects to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>ui::GeneratorPage</name>
    <message>
        <source>Configure: how to generate</source>
        <translation>Configure: how to generate</translation>
    </message>
    <message>
        <source>Choose a generator and how many rows to make. The defaults suit most tables.</source>
        <translation>Choose a generator and how many rows to make. The defaults suit most tables.</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>Output and evaluation</source>
        <translation>Output and evaluation</translation>
    </message>
    <message>
        <source>Same as the training rows</source>
        <translation>Same as the training rows</translation>
    </message>
    <message>
        <source>Number of synthetic rows to generate</source>
        <translation>Number of synthetic rows to generate</translation>
    </message>
    <message>
        <source>The same seed gives the same split, model and rows</source>
        <translation>The same seed gives the same split, model and rows</translation>
    </message>
    <message>
        <source>Share of real rows kept out of training to test utility and privacy fairly</source>
        <translation>Share of real rows kept out of training to test utility and privacy fairly</translation>
    </message>
    <message>
        <source>Column a model should predict, for the utility score (train on synthetic, test on real)</source>
        <translation>Column a model should predict, for the utility score (train on synthetic, test on real)</translation>
    </message>
    <message>
        <source>&amp;Rows to generate:</source>
        <translation>&amp;Rows to generate:</translation>
    </message>
    <message>
        <source>Random &amp;seed:</source>
        <translation>Random &amp;seed:</translation>
    </message>
    <message>
        <source>&amp;Hold-out share:</source>
        <translation>&amp;Hold-out share:</translation>
    </message>
    <message>
        <source>Prediction &amp;target:</source>
        <translation>Prediction &amp;target:</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
    <message>
        <source>Rows that break a rule are drawn again: a column's range, or A &lt;= B (e.g. admission before discharge).</source>
        <translation>Rows that break a rule are drawn again: a column's range, or A &lt;= B (e.g. admission before discharge).</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Other column</source>
        <translation>Other column</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Add &amp;range</source>
        <translation>Add &amp;range</translation>
    </message>
    <message>
        <source>Add A &amp;&lt;= B</source>
        <translation>Add A &amp;&lt;= B</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>A &lt;= B</source>
        <translation>A &lt;= B</translation>
    </message>
    <message>
        <source>No generator</source>
        <translation>No generator</translation>
    </message>
    <message>
        <source>Choose one of the generators in the list.</source>
        <translation>Choose one of the generators in the list.</translation>
    </message>
    <message>
        <source>Check the generator settings</source>
        <translation>Check the generator settings</translation>
    </message>
    <message>
        <source>Check the constraints</source>
        <translation>Check the constraints</translation>
    </message>
</context>
<context>
    <name>ui::HistogramComparisonChart</name>
    <message>
        <source>Share of rows</source>
        <translation>Share of rows</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Synthetic</translation>
    </message>
</context>
<context>
    <name>ui::LossCurvePlot</name>
    <message>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Loss curves appear here while a neural generator (CTGAN, TVAE) trains.
The Gaussian copula and the Bayesian network fit in one pass.</source>
        <translation>Loss curves appear here while a neural generator (CTGAN, TVAE) trains.
The Gaussian copula and the Bayesian network fit in one pass.</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Cancelled; the previous model is kept.</source>
        <translation>Cancelled; the previous model is kept.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;New project</translation>
    </message>
    <message>
        <source>&amp;Open project...</source>
        <translation>&amp;Open project...</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Save project</translation>
    </message>
    <message>
        <source>Save project &amp;as...</source>
        <translation>Save project &amp;as...</translation>
    </message>
    <message>
        <source>Load the &amp;demo data</source>
        <translation>Load the &amp;demo data</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About HealthSynth</source>
        <translation>&amp;About HealthSynth</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>The language can change once training has finished.</source>
        <translation>The language can change once training has finished.</translation>
    </message>
    <message>
        <source>%1[*] - HealthSynth</source>
        <translation>%1[*] - HealthSynth</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>No recent projects</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>The project "%1" has unsaved changes. Save them first?</source>
        <translation>The project "%1" has unsaved changes. Save them first?</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Save project</translation>
    </message>
    <message>
        <source>HealthSynth projects (*.hsproj)</source>
        <translation>HealthSynth projects (*.hsproj)</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Cannot save the project</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Wait for training to finish, or cancel it, before opening a project.</source>
        <translation>Wait for training to finish, or cancel it, before opening a project.</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Cannot open the project</translation>
    </message>
</context>
<context>
    <name>ui::PostgresSourceWidget</name>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Kept in memory only, unless you ask to remember it in the system keychain</source>
        <translation>Kept in memory only, unless you ask to remember it in the system keychain</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Remember the password in the system keychain</translation>
    </message>
    <message>
        <source>This build has no keychain support; the password is asked each time</source>
        <translation>This build has no keychain support; the password is asked each time</translation>
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
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>&amp;SSL mode:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>A t&amp;able</source>
        <translation>A t&amp;able</translation>
    </message>
    <message>
        <source>A SQL &amp;query</source>
        <translation>A SQL &amp;query</translation>
    </message>
    <message>
        <source>Schema / table</source>
        <translation>Schema / table</translation>
    </message>
    <message>
        <source>Rows (estimate)</source>
        <translation>Rows (estimate)</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Connecting to %1...</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 as %2: %n table(s) or view(s) visible.</source>
        <translation><numerusform>Connected to %1 as %2: %n table or view visible.</numerusform><numerusform>Connected to %1 as %2: %n tables or views visible.</numerusform></translation>
    </message>
    <message>
        <source>%1 (view)</source>
        <translation>%1 (view)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>ui::ProfilePage</name>
    <message>
        <source>Profile: what is in the data</source>
        <translation>Profile: what is in the data</translation>
    </message>
    <message>
        <source>Check each column's type and role. IDs and personal data are never learned; excluded columns are left out.</source>
        <translation>Check each column's type and role. IDs and personal data are never learned; excluded columns are left out.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Distinct</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Quality alerts</source>
        <translation>Quality alerts</translation>
    </message>
    <message>
        <source>Cannot profile the data</source>
        <translation>Cannot profile the data</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation><numerusform>%n alert</numerusform><numerusform>%n alerts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate row(s)</source>
        <translation><numerusform>%n duplicate row</numerusform><numerusform>%n duplicate rows</numerusform></translation>
    </message>
    <message>
        <source>Type inferred with low confidence (%1%)</source>
        <translation>Type inferred with low confidence (%1%)</translation>
    </message>
    <message>
        <source>Type of %1</source>
        <translation>Type of %1</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Feature</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Role of %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Nothing to learn</source>
        <translation>Nothing to learn</translation>
    </message>
    <message>
        <source>Every column is excluded, an ID, personal data or free text. Make at least one column a feature.</source>
        <translation>Every column is excluded, an ID, personal data or free text. Make at least one column a feature.</translation>
    </message>
</context>
<context>
    <name>ui::ProjectController</name>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>No data loaded</source>
        <translation>No data loaded</translation>
    </message>
    <message>
        <source>SQL query on %1</source>
        <translation>SQL query on %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation><numerusform>%1: %n row</numerusform><numerusform>%1: %n rows</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation><numerusform>%n column</numerusform><numerusform>%n columns</numerusform></translation>
    </message>
    <message>
        <source>The project %1 reads from PostgreSQL; connect on the Source step and load the table again.</source>
        <translation>The project %1 reads from PostgreSQL; connect on the Source step and load the table again.</translation>
    </message>
    <message>
        <source>The generator "%1" is not available in this version; train again.</source>
        <translation>The generator "%1" is not available in this version; train again.</translation>
    </message>
    <message>
        <source>The trained model %1 cannot be read; train again.</source>
        <translation>The trained model %1 cannot be read; train again.</translation>
    </message>
    <message>
        <source>Cannot write the model to %1.</source>
        <translation>Cannot write the model to %1.</translation>
    </message>
    <message>
        <source>Cannot write the scores to %1.</source>
        <translation>Cannot write the scores to %1.</translation>
    </message>
</context>
<context>
    <name>ui::ReportPainter</name>
    <message>
        <source>HealthSynth evaluation report</source>
        <translation>HealthSynth evaluation report</translation>
    </message>
    <message>
        <source>Cannot write the report to %1.</source>
        <translation>Cannot write the report to %1.</translation>
    </message>
    <message>
        <source>Project: %1 · generated %2 · HealthSynth %3</source>
        <translation>Project: %1 · generated %2 · HealthSynth %3</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Data source</translation>
    </message>
    <message>
        <source>Training rows: %1 · hold-out rows: %2 · synthetic rows: %3</source>
        <translation>Training rows: %1 · hold-out rows: %2 · synthetic rows: %3</translation>
    </message>
    <message>
        <source>No real row is included in this report.</source>
        <translation>No real row is included in this report.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Generator: %1 · seed %2 · hold-out %3%</source>
        <translation>Generator: %1 · seed %2 · hold-out %3%</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Fidelity overall</source>
        <translation>Fidelity overall</translation>
    </message>
    <message>
        <source>Mean of column shapes and pair trends (SDMetrics Quality Report).</source>
        <translation>Mean of column shapes and pair trends (SDMetrics Quality Report).</translation>
    </message>
    <message>
        <source>Column shapes</source>
        <translation>Column shapes</translation>
    </message>
    <message>
        <source>How well each column's distribution is reproduced.</source>
        <translation>How well each column's distribution is reproduced.</translation>
    </message>
    <message>
        <source>Pair trends</source>
        <translation>Pair trends</translation>
    </message>
    <message>
        <source>How well relations between columns are kept.</source>
        <translation>How well relations between columns are kept.</translation>
    </message>
    <message>
        <source>Utility</source>
        <translation>Utility</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Score per column</source>
        <translation>Score per column</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Missing real / synthetic</source>
        <translation>Missing real / synthetic</translation>
    </message>
    <message>
        <source>Real vs synthetic, column by column</source>
        <translation>Real vs synthetic, column by column</translation>
    </message>
    <message>
        <source>Correlations</source>
        <translation>Correlations</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Synthetic</translation>
    </message>
    <message>
        <source>Synthetic - real</source>
        <translation>Synthetic - real</translation>
    </message>
    <message>
        <source>Privacy findings</source>
        <translation>Privacy findings</translation>
    </message>
</context>
<context>
    <name>ui::SamplingWorker</name>
    <message>
        <source>Generating rows</source>
        <translation>Generating rows</translation>
    </message>
    <message>
        <source>Train a model before generating rows.</source>
        <translation>Train a model before generating rows.</translation>
    </message>
    <message>
        <source>Scoring fidelity</source>
        <translation>Scoring fidelity</translation>
    </message>
    <message>
        <source>Scoring utility and privacy</source>
        <translation>Scoring utility and privacy</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ui::ScoreCard</name>
    <message>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
</context>
<context>
    <name>ui::SourcePage</name>
    <message>
        <source>Source: the real data</source>
        <translation>Source: the real data</translation>
    </message>
    <message>
        <source>Choose the patient table to learn from. It stays on this computer; only what you export leaves it.</source>
        <translation>Choose the patient table to learn from. It stays on this computer; only what you export leaves it.</translation>
    </message>
    <message>
        <source>&amp;CSV file</source>
        <translation>&amp;CSV file</translation>
    </message>
    <message>
        <source>P&amp;ostgreSQL database</source>
        <translation>P&amp;ostgreSQL database</translation>
    </message>
    <message>
        <source>Use the &amp;demo data</source>
        <translation>Use the &amp;demo data</translation>
    </message>
    <message>
        <source>Heart failure clinical records: 299 patients, 13 columns (CC BY 4.0)</source>
        <translation>Heart failure clinical records: 299 patients, 13 columns (CC BY 4.0)</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>Cannot load the CSV file</source>
        <translation>Cannot load the CSV file</translation>
    </message>
    <message>
        <source>Cannot load from PostgreSQL</source>
        <translation>Cannot load from PostgreSQL</translation>
    </message>
</context>
<context>
    <name>ui::TablePreviewModel</name>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
</context>
<context>
    <name>ui::TrainingPage</name>
    <message>
        <source>Train: learn the data and generate</source>
        <translation>Train: learn the data and generate</translation>
    </message>
    <message>
        <source>Training runs in the background; you can keep using the window or cancel at any time.</source>
        <translation>Training runs in the background; you can keep using the window or cancel at any time.</translation>
    </message>
    <message>
        <source>&amp;Train and generate</source>
        <translation>&amp;Train and generate</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>Loss curves</translation>
    </message>
    <message>
        <source>Training log</source>
        <translation>Training log</translation>
    </message>
    <message numerus="yes">
        <source>%1 learns from %n real row(s) (%2 kept aside for evaluation) and then generates %3 rows with seed %4.</source>
        <translation><numerusform>%1 learns from %n real row (%2 kept aside for evaluation) and then generates %3 rows with seed %4.</numerusform><numerusform>%1 learns from %n real rows (%2 kept aside for evaluation) and then generates %3 rows with seed %4.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A trained model and %n synthetic row(s) are ready.</source>
        <translation><numerusform>A trained model and %n synthetic row is ready.</numerusform><numerusform>A trained model and %n synthetic rows are ready.</numerusform></translation>
    </message>
    <message>
        <source>A trained model is ready.</source>
        <translation>A trained model is ready.</translation>
    </message>
    <message>
        <source>Not trained yet.</source>
        <translation>Not trained yet.</translation>
    </message>
    <message>
        <source>Cannot train</source>
        <translation>Cannot train</translation>
    </message>
    <message>
        <source>Training started.</source>
        <translation>Training started.</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Cancelling...</translation>
    </message>
    <message>
        <source>estimating time left...</source>
        <translation>estimating time left...</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation><numerusform>about %n second left</numerusform><numerusform>about %n seconds left</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation><numerusform>about %n minute left</numerusform><numerusform>about %n minutes left</numerusform></translation>
    </message>
    <message>
        <source>Training finished.</source>
        <translation>Training finished.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n row(s); fidelity %1%.</source>
        <translation><numerusform>Generated %n row; fidelity %1%.</numerusform><numerusform>Generated %n rows; fidelity %1%.</numerusform></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training failed</translation>
    </message>
    <message>
        <source>Cancelled; the previous model is kept.</source>
        <translation>Cancelled; the previous model is kept.</translation>
    </message>
</context>
<context>
    <name>ui::TrainingWorker</name>
    <message>
        <source>Preparing</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>The chosen generator is not available.</source>
        <translation>The chosen generator is not available.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ui::Wizard</name>
    <message>
        <source>1. Source</source>
        <translation>1. Source</translation>
    </message>
    <message>
        <source>2. Profile</source>
        <translation>2. Profile</translation>
    </message>
    <message>
        <source>3. Configure</source>
        <translation>3. Configure</translation>
    </message>
    <message>
        <source>4. Train</source>
        <translation>4. Train</translation>
    </message>
    <message>
        <source>5. Compare</source>
        <translation>5. Compare</translation>
    </message>
    <message>
        <source>6. Export</source>
        <translation>6. Export</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
</context>
</TS>
