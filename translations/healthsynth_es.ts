<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ui</name>
    <message>
        <source>Cannot create the folder %1 for the demo data.</source>
        <translation>No se puede crear la carpeta %1 para los datos de demostración.</translation>
    </message>
    <message>
        <source>Cannot copy the demo data to %1.</source>
        <translation>No se pueden copiar los datos de demostración a %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo data:&lt;/b&gt; Heart Failure Clinical Records (299 patients), UCI Machine Learning Repository, &lt;a href="https://archive.ics.uci.edu/dataset/519/heart+failure+clinical+records"&gt;dataset 519&lt;/a&gt;. Chicco D., Jurman G. (2020), BMC Medical Informatics and Decision Making 20:16. Licensed under &lt;a href="https://creativecommons.org/licenses/by/4.0/"&gt;CC BY 4.0&lt;/a&gt;.</source>
        <translation>&lt;b&gt;Datos de demostración:&lt;/b&gt; Heart Failure Clinical Records (299 pacientes), UCI Machine Learning Repository, &lt;a href="https://archive.ics.uci.edu/dataset/519/heart+failure+clinical+records"&gt;conjunto 519&lt;/a&gt;. Chicco D., Jurman G. (2020), BMC Medical Informatics and Decision Making 20:16. Licencia &lt;a href="https://creativecommons.org/licenses/by/4.0/"&gt;CC BY 4.0&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Numerical</source>
        <translation>Numérica</translation>
    </message>
    <message>
        <source>Categorical</source>
        <translation>Categórica</translation>
    </message>
    <message>
        <source>Boolean</source>
        <translation>Booleana</translation>
    </message>
    <message>
        <source>Date/time</source>
        <translation>Fecha/hora</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Dato personal</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Texto libre</translation>
    </message>
</context>
<context>
    <name>ui::AboutDialog</name>
    <message>
        <source>About HealthSynth</source>
        <translation>Acerca de HealthSynth</translation>
    </message>
    <message>
        <source>Turns a real patient table into a statistically similar synthetic table, and shows how faithful, useful and private the result is.</source>
        <translation>Convierte una tabla real de pacientes en una tabla sintética estadísticamente similar y muestra cuán fiel, útil y privado es el resultado.</translation>
    </message>
    <message>
        <source>Licensed under the MIT licence.</source>
        <translation>Distribuido bajo la licencia MIT.</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Construido con</translation>
    </message>
</context>
<context>
    <name>ui::ComparePage</name>
    <message>
        <source>Compare: real vs synthetic</source>
        <translation>Comparar: real frente a sintético</translation>
    </message>
    <message>
        <source>How closely the synthetic rows follow the real ones, column by column and in pairs.</source>
        <translation>Cuánto se parecen las filas sintéticas a las reales, columna a columna y por pares.</translation>
    </message>
    <message>
        <source>Fidelity overall</source>
        <translation>Fidelidad global</translation>
    </message>
    <message>
        <source>Column shapes</source>
        <translation>Formas de columna</translation>
    </message>
    <message>
        <source>Pair trends</source>
        <translation>Tendencias por pares</translation>
    </message>
    <message>
        <source>Utility</source>
        <translation>Utilidad</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Métrica</translation>
    </message>
    <message>
        <source>Missing real</source>
        <translation>Faltantes reales</translation>
    </message>
    <message>
        <source>Missing synthetic</source>
        <translation>Faltantes sintéticos</translation>
    </message>
    <message>
        <source>Score per column</source>
        <translation>Puntuación por columna</translation>
    </message>
    <message>
        <source>Column to compare</source>
        <translation>Columna a comparar</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Correlations</source>
        <translation>Correlaciones</translation>
    </message>
    <message>
        <source>Average of column shapes and pair trends: 100% means the synthetic table is statistically indistinguishable column by column and pair by pair.</source>
        <translation>Media de formas de columna y tendencias por pares: 100% significa que la tabla sintética es estadísticamente indistinguible columna a columna y par a par.</translation>
    </message>
    <message>
        <source>How well each column's distribution is reproduced (KS and TV complements).</source>
        <translation>Cuán bien se reproduce la distribución de cada columna (complementos KS y TV).</translation>
    </message>
    <message numerus="yes">
        <source>How well relations between columns are kept (%n pair(s) with a clear real trend).</source>
        <translation><numerusform>Cuán bien se conservan las relaciones entre columnas (%n par con una tendencia real clara).</numerusform><numerusform>Cuán bien se conservan las relaciones entre columnas (%n pares con una tendencia real clara).</numerusform></translation>
    </message>
    <message>
        <source>Choose a prediction target on the Configure step to see whether models trained on synthetic rows work on real ones.</source>
        <translation>Elija una variable objetivo en el paso Configurar para ver si los modelos entrenados con filas sintéticas funcionan con las reales.</translation>
    </message>
    <message>
        <source>Privacy scores appear here when they can be computed.</source>
        <translation>Las puntuaciones de privacidad aparecen aquí cuando se pueden calcular.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Sintético</translation>
    </message>
    <message>
        <source>Synthetic - real</source>
        <translation>Sintético - real</translation>
    </message>
</context>
<context>
    <name>ui::CsvSourceWidget</name>
    <message>
        <source>comma</source>
        <translation>coma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>punto y coma</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulador</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>barra vertical</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>Choose a CSV file, or drop one here</source>
        <translation>Elija un archivo CSV o suéltelo aquí</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Examinar...</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Recientes</translation>
    </message>
    <message>
        <source>Parse options</source>
        <translation>Opciones de lectura</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Coma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Punto y coma ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>Barra vertical ( | )</translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation>La primera fila es la cabecera</translation>
    </message>
    <message>
        <source>No header row</source>
        <translation>Sin fila de cabecera</translation>
    </message>
    <message>
        <source>Windows-1252 / Latin-1</source>
        <translation>Windows-1252 / Latin-1</translation>
    </message>
    <message>
        <source>Point ( 1.5 )</source>
        <translation>Punto ( 1.5 )</translation>
    </message>
    <message>
        <source>Comma ( 1,5 )</source>
        <translation>Coma ( 1,5 )</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Delimitador:</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>&amp;Cabecera:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>C&amp;odificación:</translation>
    </message>
    <message>
        <source>Decimal &amp;mark:</source>
        <translation>Separador &amp;decimal:</translation>
    </message>
    <message>
        <source>Cell values read as missing, separated by spaces</source>
        <translation>Valores de celda que se leen como faltantes, separados por espacios</translation>
    </message>
    <message>
        <source>Missing &amp;markers:</source>
        <translation>&amp;Marcas de faltante:</translation>
    </message>
    <message>
        <source>Empty cells are missing</source>
        <translation>Las celdas vacías son faltantes</translation>
    </message>
    <message>
        <source>Skip rows with a wrong number of fields</source>
        <translation>Omitir filas con un número de campos incorrecto</translation>
    </message>
    <message>
        <source>Otherwise such a row stops loading with an error naming its line</source>
        <translation>Si no, esa fila detiene la carga con un error que indica su línea</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Vista previa de las primeras filas</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>Abrir un archivo CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.tsv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>No hay archivos recientes</translation>
    </message>
    <message>
        <source>No file chosen yet. Use Browse, a recent file, drop a CSV file here, or try the demo data.</source>
        <translation>Aún no hay archivo. Use Examinar, un archivo reciente, suelte aquí un CSV o pruebe los datos de demostración.</translation>
    </message>
    <message>
        <source>Cannot read this file:</source>
        <translation>No se puede leer este archivo:</translation>
    </message>
    <message numerus="yes">
        <source>Preview of the first %n row(s)</source>
        <translation><numerusform>Vista previa de la primera fila</numerusform><numerusform>Vista previa de las primeras %n filas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation><numerusform>%n columna</numerusform><numerusform>%n columnas</numerusform></translation>
    </message>
    <message>
        <source>delimiter: %1</source>
        <translation>delimitador: %1</translation>
    </message>
    <message>
        <source>decimal mark: %1</source>
        <translation>separador decimal: %1</translation>
    </message>
    <message>
        <source>header row</source>
        <translation>con cabecera</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>sin cabecera</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n aviso</numerusform><numerusform>%n avisos</numerusform></translation>
    </message>
</context>
<context>
    <name>ui::ExportPage</name>
    <message>
        <source>Export: take the synthetic data with you</source>
        <translation>Exportar: llévese los datos sintéticos</translation>
    </message>
    <message>
        <source>Only synthetic rows and the report leave from here; the real data stays where it is.</source>
        <translation>Desde aquí solo salen las filas sintéticas y el informe; los datos reales se quedan donde están.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Examinar...</translation>
    </message>
    <message>
        <source>Synthetic table as CSV</source>
        <translation>Tabla sintética en CSV</translation>
    </message>
    <message>
        <source>Export &amp;CSV</source>
        <translation>Exportar &amp;CSV</translation>
    </message>
    <message>
        <source>Export the synthetic table</source>
        <translation>Exportar la tabla sintética</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Evaluation report as PDF</source>
        <translation>Informe de evaluación en PDF</translation>
    </message>
    <message>
        <source>Export &amp;PDF report</source>
        <translation>Exportar informe &amp;PDF</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Exportar el informe</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Synthetic table to PostgreSQL</source>
        <translation>Tabla sintética a PostgreSQL</translation>
    </message>
    <message>
        <source>empty: PGPASSWORD or none</source>
        <translation>vacío: PGPASSWORD o ninguna</translation>
    </message>
    <message>
        <source>Create (fail if it exists)</source>
        <translation>Crear (falla si existe)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Append</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de datos:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabla:</translation>
    </message>
    <message>
        <source>If it exists:</source>
        <translation>Si existe:</translation>
    </message>
    <message>
        <source>Export to Postgre&amp;SQL</source>
        <translation>Exportar a Postgre&amp;SQL</translation>
    </message>
    <message>
        <source>Synthetic table to an S3-compatible bucket</source>
        <translation>Tabla sintética a un bucket compatible con S3</translation>
    </message>
    <message>
        <source>empty = AWS; e.g. http://127.0.0.1:9000</source>
        <translation>vacío = AWS; p. ej. http://127.0.0.1:9000</translation>
    </message>
    <message>
        <source>empty: AWS_ACCESS_KEY_ID</source>
        <translation>vacío: AWS_ACCESS_KEY_ID</translation>
    </message>
    <message>
        <source>empty: AWS_SECRET_ACCESS_KEY</source>
        <translation>vacío: AWS_SECRET_ACCESS_KEY</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destino:</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpoint:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Región:</translation>
    </message>
    <message>
        <source>Access key ID:</source>
        <translation>ID de clave de acceso:</translation>
    </message>
    <message>
        <source>Secret key:</source>
        <translation>Clave secreta:</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Cannot export the CSV file</source>
        <translation>No se puede exportar el archivo CSV</translation>
    </message>
    <message>
        <source>Cannot write the report</source>
        <translation>No se puede escribir el informe</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n synthetic row(s) to %1.</source>
        <translation><numerusform>Se escribió %n fila sintética en %1.</numerusform><numerusform>Se escribieron %n filas sintéticas en %1.</numerusform></translation>
    </message>
    <message>
        <source>Wrote the report to %1.</source>
        <translation>Informe escrito en %1.</translation>
    </message>
    <message>
        <source>Check the table name</source>
        <translation>Revise el nombre de la tabla</translation>
    </message>
    <message>
        <source>Write the table as schema.table or table.</source>
        <translation>Escriba la tabla como esquema.tabla o tabla.</translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation>Exportando a %1...</translation>
    </message>
    <message>
        <source>Cannot export to PostgreSQL</source>
        <translation>No se puede exportar a PostgreSQL</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1 on %2.</source>
        <translation><numerusform>Se escribió %n fila en %1 en %2.</numerusform><numerusform>Se escribieron %n filas en %1 en %2.</numerusform></translation>
    </message>
    <message>
        <source>Check the destination</source>
        <translation>Revise el destino</translation>
    </message>
    <message>
        <source>Missing S3 credentials</source>
        <translation>Faltan las credenciales de S3</translation>
    </message>
    <message>
        <source>Uploading to %1...</source>
        <translation>Subiendo a %1...</translation>
    </message>
    <message>
        <source>Cannot upload to S3</source>
        <translation>No se puede subir a S3</translation>
    </message>
    <message numerus="yes">
        <source>Uploaded %n object(s) to %1.</source>
        <translation><numerusform>Se subió %n objeto a %1.</numerusform><numerusform>Se subieron %n objetos a %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>ui::GeneratorPage</name>
    <message>
        <source>Configure: how to generate</source>
        <translation>Configurar: cómo generar</translation>
    </message>
    <message>
        <source>Choose a generator and how many rows to make. The defaults suit most tables.</source>
        <translation>Elija un generador y cuántas filas crear. Los valores por defecto sirven para la mayoría de las tablas.</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generador</translation>
    </message>
    <message>
        <source>Output and evaluation</source>
        <translation>Salida y evaluación</translation>
    </message>
    <message>
        <source>Same as the training rows</source>
        <translation>Igual que las filas de entrenamiento</translation>
    </message>
    <message>
        <source>Number of synthetic rows to generate</source>
        <translation>Número de filas sintéticas que generar</translation>
    </message>
    <message>
        <source>The same seed gives the same split, model and rows</source>
        <translation>La misma semilla da la misma partición, modelo y filas</translation>
    </message>
    <message>
        <source>Share of real rows kept out of training to test utility and privacy fairly</source>
        <translation>Parte de las filas reales que se aparta del entrenamiento para medir utilidad y privacidad con justicia</translation>
    </message>
    <message>
        <source>Column a model should predict, for the utility score (train on synthetic, test on real)</source>
        <translation>Columna que un modelo debe predecir, para la puntuación de utilidad (entrenar con sintéticos, probar con reales)</translation>
    </message>
    <message>
        <source>&amp;Rows to generate:</source>
        <translation>&amp;Filas a generar:</translation>
    </message>
    <message>
        <source>Random &amp;seed:</source>
        <translation>&amp;Semilla aleatoria:</translation>
    </message>
    <message>
        <source>&amp;Hold-out share:</source>
        <translation>&amp;Parte reservada:</translation>
    </message>
    <message>
        <source>Prediction &amp;target:</source>
        <translation>&amp;Variable objetivo:</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Restricciones</translation>
    </message>
    <message>
        <source>Rows that break a rule are drawn again: a column's range, or A &lt;= B (e.g. admission before discharge).</source>
        <translation>Las filas que incumplen una regla se generan de nuevo: el rango de una columna, o A &lt;= B (p. ej. ingreso antes del alta).</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Other column</source>
        <translation>Otra columna</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Mín.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Máx.</translation>
    </message>
    <message>
        <source>Add &amp;range</source>
        <translation>Añadir &amp;rango</translation>
    </message>
    <message>
        <source>Add A &amp;&lt;= B</source>
        <translation>Añadir A &amp;&lt;= B</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Rango</translation>
    </message>
    <message>
        <source>A &lt;= B</source>
        <translation>A &lt;= B</translation>
    </message>
    <message>
        <source>No generator</source>
        <translation>Sin generador</translation>
    </message>
    <message>
        <source>Choose one of the generators in the list.</source>
        <translation>Elija uno de los generadores de la lista.</translation>
    </message>
    <message>
        <source>Check the generator settings</source>
        <translation>Revise los ajustes del generador</translation>
    </message>
    <message>
        <source>Check the constraints</source>
        <translation>Revise las restricciones</translation>
    </message>
</context>
<context>
    <name>ui::HistogramComparisonChart</name>
    <message>
        <source>Share of rows</source>
        <translation>Porcentaje de filas</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Sintético</translation>
    </message>
</context>
<context>
    <name>ui::LossCurvePlot</name>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Loss curves appear here while a neural generator (CTGAN, TVAE) trains.
The Gaussian copula and the Bayesian network fit in one pass.</source>
        <translation>Las curvas de pérdida aparecen aquí mientras entrena un generador neuronal (CTGAN, TVAE).
La cópula gaussiana y la red bayesiana se ajustan en una sola pasada.</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Cancelled; the previous model is kept.</source>
        <translation>Cancelado; se conserva el modelo anterior.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nuevo proyecto</translation>
    </message>
    <message>
        <source>&amp;Open project...</source>
        <translation>&amp;Abrir proyecto...</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Guardar proyecto</translation>
    </message>
    <message>
        <source>Save project &amp;as...</source>
        <translation>Guardar proyecto &amp;como...</translation>
    </message>
    <message>
        <source>Load the &amp;demo data</source>
        <translation>Cargar los datos de &amp;demostración</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About HealthSynth</source>
        <translation>&amp;Acerca de HealthSynth</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>The language can change once training has finished.</source>
        <translation>El idioma podrá cambiarse cuando termine el entrenamiento.</translation>
    </message>
    <message>
        <source>%1[*] - HealthSynth</source>
        <translation>%1[*] - HealthSynth</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>No hay proyectos recientes</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The project "%1" has unsaved changes. Save them first?</source>
        <translation>El proyecto «%1» tiene cambios sin guardar. ¿Guardarlos antes?</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Guardar proyecto</translation>
    </message>
    <message>
        <source>HealthSynth projects (*.hsproj)</source>
        <translation>Proyectos de HealthSynth (*.hsproj)</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>No se puede guardar el proyecto</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>Wait for training to finish, or cancel it, before opening a project.</source>
        <translation>Espere a que termine el entrenamiento, o cancélelo, antes de abrir un proyecto.</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>No se puede abrir el proyecto</translation>
    </message>
</context>
<context>
    <name>ui::PostgresSourceWidget</name>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Kept in memory only, unless you ask to remember it in the system keychain</source>
        <translation>Solo se guarda en memoria, salvo que pida recordarla en el llavero del sistema</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Recordar la contraseña en el llavero del sistema</translation>
    </message>
    <message>
        <source>This build has no keychain support; the password is asked each time</source>
        <translation>Esta versión no admite llavero; la contraseña se pide cada vez</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>&amp;Modo SSL:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>A t&amp;able</source>
        <translation>Una t&amp;abla</translation>
    </message>
    <message>
        <source>A SQL &amp;query</source>
        <translation>Una &amp;consulta SQL</translation>
    </message>
    <message>
        <source>Schema / table</source>
        <translation>Esquema / tabla</translation>
    </message>
    <message>
        <source>Rows (estimate)</source>
        <translation>Filas (estimación)</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Conectando con %1...</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 as %2: %n table(s) or view(s) visible.</source>
        <translation><numerusform>Conectado a %1 como %2: %n tabla o vista visible.</numerusform><numerusform>Conectado a %1 como %2: %n tablas o vistas visibles.</numerusform></translation>
    </message>
    <message>
        <source>%1 (view)</source>
        <translation>%1 (vista)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>ui::ProfilePage</name>
    <message>
        <source>Profiling the data</source>
        <translation>Perfilando los datos</translation>
    </message>
    <message>
        <source>Profile: what is in the data</source>
        <translation>Perfil: qué hay en los datos</translation>
    </message>
    <message>
        <source>Check each column's type and role. IDs and personal data are never learned; excluded columns are left out.</source>
        <translation>Revise el tipo y el papel de cada columna. Los ID y los datos personales nunca se aprenden; las columnas excluidas se omiten.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Faltantes</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Distintos</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Mín.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Máx.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <source>Quality alerts</source>
        <translation>Alertas de calidad</translation>
    </message>
    <message>
        <source>Cannot profile the data</source>
        <translation>No se pueden perfilar los datos</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation><numerusform>%n alerta</numerusform><numerusform>%n alertas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate row(s)</source>
        <translation><numerusform>%n fila duplicada</numerusform><numerusform>%n filas duplicadas</numerusform></translation>
    </message>
    <message>
        <source>Type inferred with low confidence (%1%)</source>
        <translation>Tipo inferido con poca confianza (%1%)</translation>
    </message>
    <message>
        <source>Type of %1</source>
        <translation>Tipo de %1</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Dato personal</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Excluida</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Papel de %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Nothing to learn</source>
        <translation>Nada que aprender</translation>
    </message>
    <message>
        <source>Every column is excluded, an ID, personal data or free text. Make at least one column a feature.</source>
        <translation>Todas las columnas están excluidas o son ID, datos personales o texto libre. Convierta al menos una en variable.</translation>
    </message>
</context>
<context>
    <name>ui::ProjectController</name>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>No data loaded</source>
        <translation>No hay datos cargados</translation>
    </message>
    <message>
        <source>SQL query on %1</source>
        <translation>Consulta SQL en %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation><numerusform>%1: %n fila</numerusform><numerusform>%1: %n filas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation><numerusform>%n columna</numerusform><numerusform>%n columnas</numerusform></translation>
    </message>
    <message>
        <source>The project %1 reads from PostgreSQL; connect on the Source step and load the table again.</source>
        <translation>El proyecto %1 lee de PostgreSQL; conéctese en el paso Origen y cargue la tabla de nuevo.</translation>
    </message>
    <message>
        <source>The generator "%1" is not available in this version; train again.</source>
        <translation>El generador «%1» no está disponible en esta versión; vuelva a entrenar.</translation>
    </message>
    <message>
        <source>The trained model %1 cannot be read; train again.</source>
        <translation>No se puede leer el modelo entrenado %1; vuelva a entrenar.</translation>
    </message>
    <message>
        <source>Cannot write the model to %1.</source>
        <translation>No se puede escribir el modelo en %1.</translation>
    </message>
    <message>
        <source>Cannot write the scores to %1.</source>
        <translation>No se pueden escribir las puntuaciones en %1.</translation>
    </message>
</context>
<context>
    <name>ui::ReportPainter</name>
    <message>
        <source>HealthSynth evaluation report</source>
        <translation>Informe de evaluación de HealthSynth</translation>
    </message>
    <message>
        <source>Cannot write the report to %1.</source>
        <translation>No se puede escribir el informe en %1.</translation>
    </message>
    <message>
        <source>Project: %1 · generated %2 · HealthSynth %3</source>
        <translation>Proyecto: %1 · generado %2 · HealthSynth %3</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Origen de los datos</translation>
    </message>
    <message>
        <source>Training rows: %1 · hold-out rows: %2 · synthetic rows: %3</source>
        <translation>Filas de entrenamiento: %1 · filas reservadas: %2 · filas sintéticas: %3</translation>
    </message>
    <message>
        <source>No real row is included in this report.</source>
        <translation>Este informe no incluye ninguna fila real.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Generator: %1 · seed %2 · hold-out %3%</source>
        <translation>Generador: %1 · semilla %2 · reserva %3%</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntuaciones</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Significado</translation>
    </message>
    <message>
        <source>Fidelity overall</source>
        <translation>Fidelidad global</translation>
    </message>
    <message>
        <source>Mean of column shapes and pair trends (SDMetrics Quality Report).</source>
        <translation>Media de formas de columna y tendencias por pares (informe de calidad de SDMetrics).</translation>
    </message>
    <message>
        <source>Column shapes</source>
        <translation>Formas de columna</translation>
    </message>
    <message>
        <source>How well each column's distribution is reproduced.</source>
        <translation>Cuán bien se reproduce la distribución de cada columna.</translation>
    </message>
    <message>
        <source>Pair trends</source>
        <translation>Tendencias por pares</translation>
    </message>
    <message>
        <source>How well relations between columns are kept.</source>
        <translation>Cuán bien se conservan las relaciones entre columnas.</translation>
    </message>
    <message>
        <source>Utility</source>
        <translation>Utilidad</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Score per column</source>
        <translation>Puntuación por columna</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Métrica</translation>
    </message>
    <message>
        <source>Missing real / synthetic</source>
        <translation>Faltantes real / sintético</translation>
    </message>
    <message>
        <source>Real vs synthetic, column by column</source>
        <translation>Real frente a sintético, columna a columna</translation>
    </message>
    <message>
        <source>Correlations</source>
        <translation>Correlaciones</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Sintético</translation>
    </message>
    <message>
        <source>Synthetic - real</source>
        <translation>Sintético - real</translation>
    </message>
    <message>
        <source>Privacy findings</source>
        <translation>Hallazgos de privacidad</translation>
    </message>
</context>
<context>
    <name>ui::SamplingWorker</name>
    <message>
        <source>Generating rows</source>
        <translation>Generando filas</translation>
    </message>
    <message>
        <source>Train a model before generating rows.</source>
        <translation>Entrene un modelo antes de generar filas.</translation>
    </message>
    <message>
        <source>Scoring fidelity</source>
        <translation>Midiendo la fidelidad</translation>
    </message>
    <message>
        <source>Scoring utility and privacy</source>
        <translation>Midiendo utilidad y privacidad</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>ui::ScoreCard</name>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
</context>
<context>
    <name>ui::SourcePage</name>
    <message>
        <source>Loading %1</source>
        <translation>Cargando %1</translation>
    </message>
    <message>
        <source>Loading from PostgreSQL</source>
        <translation>Cargando desde PostgreSQL</translation>
    </message>
    <message>
        <source>Source: the real data</source>
        <translation>Origen: los datos reales</translation>
    </message>
    <message>
        <source>Choose the patient table to learn from. It stays on this computer; only what you export leaves it.</source>
        <translation>Elija la tabla de pacientes de la que aprender. Se queda en este equipo; solo sale lo que usted exporte.</translation>
    </message>
    <message>
        <source>&amp;CSV file</source>
        <translation>Archivo &amp;CSV</translation>
    </message>
    <message>
        <source>P&amp;ostgreSQL database</source>
        <translation>Base de datos P&amp;ostgreSQL</translation>
    </message>
    <message>
        <source>Use the &amp;demo data</source>
        <translation>Usar los datos de &amp;demostración</translation>
    </message>
    <message>
        <source>Heart failure clinical records: 299 patients, 13 columns (CC BY 4.0)</source>
        <translation>Historias clínicas de insuficiencia cardiaca: 299 pacientes, 13 columnas (CC BY 4.0)</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Datos de demostración</translation>
    </message>
    <message>
        <source>Cannot load the CSV file</source>
        <translation>No se puede cargar el archivo CSV</translation>
    </message>
    <message>
        <source>Cannot load from PostgreSQL</source>
        <translation>No se puede cargar desde PostgreSQL</translation>
    </message>
</context>
<context>
    <name>ui::TablePreviewModel</name>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
</context>
<context>
    <name>ui::TrainingPage</name>
    <message>
        <source>Train: learn the data and generate</source>
        <translation>Entrenar: aprender los datos y generar</translation>
    </message>
    <message>
        <source>Training runs in the background; you can keep using the window or cancel at any time.</source>
        <translation>El entrenamiento se ejecuta en segundo plano; puede seguir usando la ventana o cancelar en cualquier momento.</translation>
    </message>
    <message>
        <source>&amp;Train and generate</source>
        <translation>&amp;Entrenar y generar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>Curvas de pérdida</translation>
    </message>
    <message>
        <source>Training log</source>
        <translation>Registro de entrenamiento</translation>
    </message>
    <message numerus="yes">
        <source>%1 learns from %n real row(s) (%2 kept aside for evaluation) and then generates %3 rows with seed %4.</source>
        <translation><numerusform>%1 aprende de %n fila real (%2 apartadas para evaluar) y luego genera %3 filas con la semilla %4.</numerusform><numerusform>%1 aprende de %n filas reales (%2 apartadas para evaluar) y luego genera %3 filas con la semilla %4.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A trained model and %n synthetic row(s) are ready.</source>
        <translation><numerusform>Hay un modelo entrenado y %n fila sintética listos.</numerusform><numerusform>Hay un modelo entrenado y %n filas sintéticas listos.</numerusform></translation>
    </message>
    <message>
        <source>A trained model is ready.</source>
        <translation>Hay un modelo entrenado listo.</translation>
    </message>
    <message>
        <source>Not trained yet.</source>
        <translation>Aún sin entrenar.</translation>
    </message>
    <message>
        <source>Cannot train</source>
        <translation>No se puede entrenar</translation>
    </message>
    <message>
        <source>Training started.</source>
        <translation>Entrenamiento iniciado.</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Cancelando...</translation>
    </message>
    <message>
        <source>estimating time left...</source>
        <translation>estimando el tiempo restante...</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation><numerusform>queda %n segundo aprox.</numerusform><numerusform>quedan %n segundos aprox.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation><numerusform>queda %n minuto aprox.</numerusform><numerusform>quedan %n minutos aprox.</numerusform></translation>
    </message>
    <message>
        <source>Training finished.</source>
        <translation>Entrenamiento terminado.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n row(s); fidelity %1%.</source>
        <translation><numerusform>Generada %n fila; fidelidad %1%.</numerusform><numerusform>Generadas %n filas; fidelidad %1%.</numerusform></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>El entrenamiento falló</translation>
    </message>
    <message>
        <source>Cancelled; the previous model is kept.</source>
        <translation>Cancelado; se conserva el modelo anterior.</translation>
    </message>
</context>
<context>
    <name>ui::TrainingWorker</name>
    <message>
        <source>Preparing</source>
        <translation>Preparando</translation>
    </message>
    <message>
        <source>The chosen generator is not available.</source>
        <translation>El generador elegido no está disponible.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>ui::Wizard</name>
    <message>
        <source>1. Source</source>
        <translation>1. Origen</translation>
    </message>
    <message>
        <source>2. Profile</source>
        <translation>2. Perfil</translation>
    </message>
    <message>
        <source>3. Configure</source>
        <translation>3. Configurar</translation>
    </message>
    <message>
        <source>4. Train</source>
        <translation>4. Entrenar</translation>
    </message>
    <message>
        <source>5. Compare</source>
        <translation>5. Comparar</translation>
    </message>
    <message>
        <source>6. Export</source>
        <translation>6. Exportar</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Siguiente &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminar</translation>
    </message>
</context>
<context>
    <name>ui::ProgressRun</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Cancelando...</translation>
    </message>
</context>
</TS>
