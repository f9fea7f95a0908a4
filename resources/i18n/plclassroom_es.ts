<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name />
    <message>
        <source>Building the demo school…</source>
        <translation>Creando la escuela de demostración…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The demo school could not be built: {error}</source>
        <translation>No se pudo crear la escuela de demostración: {error}</translation>
    </message>
    <message>
        <source>plclassroom cannot open its data</source>
        <translation>plclassroom no puede abrir sus datos</translation>
    </message>
    <message>
        <source>Backed up to {path} (the newest {n} are kept).</source>
        <translation>Copia de seguridad guardada en {path} (se conservan las {n} más recientes).</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>Copia de seguridad guardada en {path}.</translation>
    </message>
    <message>
        <source>The backup stopped ({error}); nothing else was changed.</source>
        <translation>La copia de seguridad se detuvo ({error}); no se cambió nada más.</translation>
    </message>
    <message>
        <source>Backup not made</source>
        <translation>No se hizo la copia de seguridad</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>plclassroom backups (*.sqlite)</source>
        <translation>Copias de seguridad de plclassroom (*.sqlite)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Wait for the backup or sync under way to finish, then restore.</source>
        <translation>Espera a que termine la copia de seguridad o la sincronización en curso y luego restaura.</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>No se restauró nada.</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Verificando {name}…</translation>
    </message>
    <message>
        <source>Restore {name}?</source>
        <translation>¿Restaurar {name}?</translation>
    </message>
    <message>
        <source>What is on this laptop now is replaced. A copy of it is kept first in {folder}, so you can go back to it.</source>
        <translation>Lo que hay ahora en esta computadora se reemplaza. Antes se guarda una copia en {folder}, para que puedas volver a ella.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Restoring {name}…</source>
        <translation>Restaurando {name}…</translation>
    </message>
    <message>
        <source>The restore stopped ({error}). Nothing was changed.</source>
        <translation>La restauración se detuvo ({error}). No se cambió nada.</translation>
    </message>
    <message>
        <source>Backup not restored</source>
        <translation>No se restauró la copia de seguridad</translation>
    </message>
    <message>
        <source>Restored {name}. The data from before is in {folder}.</source>
        <translation>Se restauró {name}. Los datos de antes están en {folder}.</translation>
    </message>
    <message>
        <source>This copy has a new sync identity: connect to the district server again (File &gt; Connect to district server).</source>
        <translation>Esta copia tiene una nueva identidad de sincronización: vuelve a conectarte al servidor del distrito (Archivo &gt; Conectar al servidor del distrito).</translation>
    </message>
    <message>
        <source>A student deleted from this laptop after the backup was deleted again.</source>
        <translation>Un estudiante borrado de esta computadora después de la copia se borró de nuevo.</translation>
    </message>
    <message>
        <source>{n} students deleted from this laptop after the backup were deleted again.</source>
        <translation>{n} estudiantes borrados de esta computadora después de la copia se borraron de nuevo.</translation>
    </message>
    <message>
        <source>No evidence</source>
        <translation>Sin evidencias</translation>
    </message>
    <message>
        <source>mastery</source>
        <translation>dominio</translation>
    </message>
    <message>
        <source>No evidence yet</source>
        <translation>Aún no hay evidencias</translation>
    </message>
    <message>
        <source>calculated level</source>
        <translation>nivel calculado</translation>
    </message>
    <message>
        <source>before correction</source>
        <translation>antes de la corrección</translation>
    </message>
    <message>
        <source>{title}: students at each level</source>
        <translation>{title}: estudiantes en cada nivel</translation>
    </message>
    <message>
        <source>No competencies in this class yet</source>
        <translation>Esta clase aún no tiene competencias</translation>
    </message>
    <message>
        <source>No students yet</source>
        <translation>Aún no hay estudiantes</translation>
    </message>
    <message>
        <source>{code} · {mastered}/{students} mastered</source>
        <translation>{code} · {mastered}/{students} con dominio</translation>
    </message>
    <message>
        <source>students</source>
        <translation>estudiantes</translation>
    </message>
    <message>
        <source>{title}: no evidence yet.</source>
        <translation>{title}: aún no hay evidencias.</translation>
    </message>
    <message>
        <source>no level</source>
        <translation>sin nivel</translation>
    </message>
    <message>
        <source>{title}: {n} piece of evidence from {start} to {end}; calculated level now {level}; mastery from {cutoff}.</source>
        <translation>{title}: {n} evidencia del {start} al {end}; nivel calculado ahora: {level}; dominio desde {cutoff}.</translation>
    </message>
    <message>
        <source>{title}: {n} pieces of evidence from {start} to {end}; calculated level now {level}; mastery from {cutoff}.</source>
        <translation>{title}: {n} evidencias del {start} al {end}; nivel calculado ahora: {level}; dominio desde {cutoff}.</translation>
    </message>
    <message>
        <source>{code}: {levels}; {n} with no evidence</source>
        <translation>{code}: {levels}; {n} sin evidencias</translation>
    </message>
    <message>
        <source>none assessed</source>
        <translation>nadie evaluado</translation>
    </message>
    <message>
        <source>Trend: {title}</source>
        <translation>Tendencia: {title}</translation>
    </message>
    <message>
        <source>Levels in {title}</source>
        <translation>Niveles en {title}</translation>
    </message>
    <message>
        <source>The family pack could not be written to {folder}.</source>
        <translation>No se pudo escribir el resumen para la familia en {folder}.</translation>
    </message>
    <message>
        <source>The family pack could not be finished.</source>
        <translation>No se pudo terminar el resumen para la familia.</translation>
    </message>
    <message>
        <source>Core values</source>
        <translation>Valores fundamentales</translation>
    </message>
    <message>
        <source>Action steps</source>
        <translation>Pasos de acción</translation>
    </message>
    <message>
        <source>Reflection by the student</source>
        <translation>Reflexión del estudiante</translation>
    </message>
    <message>
        <source>Reflection by the family</source>
        <translation>Reflexión de la familia</translation>
    </message>
    <message>
        <source>Reflection by the advisor</source>
        <translation>Reflexión del tutor</translation>
    </message>
    <message>
        <source>Transition plan</source>
        <translation>Plan de transición</translation>
    </message>
    <message>
        <source>Learning plan — {name}</source>
        <translation>Plan de aprendizaje — {name}</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>Review every</source>
        <translation>Revisar cada</translation>
    </message>
    <message>
        <source>Reviewed with the student today</source>
        <translation>Revisado hoy con el estudiante</translation>
    </message>
    <message>
        <source>Every change to the plan</source>
        <translation>Todos los cambios al plan</translation>
    </message>
    <message>
        <source>Every change, newest first</source>
        <translation>Todos los cambios, los más recientes primero</translation>
    </message>
    <message>
        <source>Last reviewed {reviewed}, next by {upcoming}</source>
        <translation>Última revisión el {reviewed}, la próxima antes del {upcoming}</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Aún sin revisar</translation>
    </message>
    <message>
        <source>{when} · {who} changed {part}: “{old}” → “{new}”</source>
        <translation>{when} · {who} cambió {part}: “{old}” → “{new}”</translation>
    </message>
    <message>
        <source>Private (only me)</source>
        <translation>Privada (solo yo)</translation>
    </message>
    <message>
        <source>The student's teachers</source>
        <translation>Los docentes del estudiante</translation>
    </message>
    <message>
        <source>Shareable with the family</source>
        <translation>Se puede compartir con la familia</translation>
    </message>
    <message>
        <source>Conference with {name}</source>
        <translation>Conferencia con {name}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Kind of conference</source>
        <translation>Tipo de conferencia</translation>
    </message>
    <message>
        <source>student, advisor</source>
        <translation>estudiante, tutor</translation>
    </message>
    <message>
        <source>Who was there</source>
        <translation>Quiénes estuvieron</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Fecha de seguimiento</translation>
    </message>
    <message>
        <source>Goals reviewed</source>
        <translation>Metas revisadas</translation>
    </message>
    <message>
        <source>Goal (tick the ones you talked about)</source>
        <translation>Meta (marca las que conversaron)</translation>
    </message>
    <message>
        <source>How it is going</source>
        <translation>Cómo va</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD</source>
        <translation>Escribe la fecha como AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Add next step</source>
        <translation>Agregar próximo paso</translation>
    </message>
    <message>
        <source>Save conference</source>
        <translation>Guardar conferencia</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Duración:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Who was there:</source>
        <translation>Quiénes estuvieron:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>Privacidad:</translation>
    </message>
    <message>
        <source>Meet again by:</source>
        <translation>Volver a reunirse antes del:</translation>
    </message>
    <message>
        <source>Goals reviewed:</source>
        <translation>Metas revisadas:</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>Próximos pasos:</translation>
    </message>
    <message>
        <source>Who does the next step</source>
        <translation>Quién hace el próximo paso</translation>
    </message>
    <message>
        <source>{value} is not a date: write it as YYYY-MM-DD</source>
        <translation>{value} no es una fecha: escríbela como AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Borrador guardado</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Conference saved.</source>
        <translation>Conferencia guardada.</translation>
    </message>
    <message>
        <source>Conference templates</source>
        <translation>Plantillas de conferencia</translation>
    </message>
    <message>
        <source>Prompts, one a line</source>
        <translation>Preguntas guía, una por línea</translation>
    </message>
    <message>
        <source>Save these prompts</source>
        <translation>Guardar estas preguntas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Prompts for {kind} conferences saved.</source>
        <translation>Se guardaron las preguntas guía para las conferencias de tipo {kind}.</translation>
    </message>
    <message>
        <source>Whose caseload</source>
        <translation>Tutorados de quién</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Flag students not met in</source>
        <translation>Señalar a los estudiantes sin reunión en</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Tutorados</translation>
    </message>
    <message>
        <source>Advisee</source>
        <translation>Tutorado</translation>
    </message>
    <message>
        <source>Last met</source>
        <translation>Última reunión</translation>
    </message>
    <message>
        <source>Open steps</source>
        <translation>Pasos pendientes</translation>
    </message>
    <message>
        <source>Why see them</source>
        <translation>Por qué verlo</translation>
    </message>
    <message>
        <source>Conference history</source>
        <translation>Historial de conferencias</translation>
    </message>
    <message>
        <source>Search notes, goals and next steps…</source>
        <translation>Buscar en notas, metas y próximos pasos…</translation>
    </message>
    <message>
        <source>Search conference notes</source>
        <translation>Buscar en las notas de conferencia</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>New conference…</source>
        <translation>Nueva conferencia…</translation>
    </message>
    <message>
        <source>A conference with the advisee selected above</source>
        <translation>Una conferencia con el tutorado seleccionado arriba</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>Plantillas…</translation>
    </message>
    <message>
        <source>The school's prompts for each kind of conference</source>
        <translation>Las preguntas guía de la escuela para cada tipo de conferencia</translation>
    </message>
    <message>
        <source>Family pack…</source>
        <translation>Resumen para la familia…</translation>
    </message>
    <message>
        <source>One page for the family: goals in the student's words, strengths, next steps; only what is marked shareable</source>
        <translation>Una página para la familia: metas en palabras del estudiante, fortalezas, próximos pasos; solo lo marcado como compartible</translation>
    </message>
    <message>
        <source>Learning plan…</source>
        <translation>Plan de aprendizaje…</translation>
    </message>
    <message>
        <source>The advisee's personal learning plan, with every change</source>
        <translation>El plan de aprendizaje personal del tutorado, con todos sus cambios</translation>
    </message>
    <message>
        <source>Caseload of:</source>
        <translation>Tutorados de:</translation>
    </message>
    <message>
        <source>Flag if not met in:</source>
        <translation>Señalar si no hubo reunión en:</translation>
    </message>
    <message>
        <source>History and teachers' notes</source>
        <translation>Historial y notas de los docentes</translation>
    </message>
    <message>
        <source>{open} ({overdue} overdue)</source>
        <translation>{open} ({overdue} atrasados)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Concern: {text}</source>
        <translation>Preocupación: {text}</translation>
    </message>
    <message>
        <source>Note from a teacher: {text}</source>
        <translation>Nota de un docente: {text}</translation>
    </message>
    <message>
        <source>[{n} open step]</source>
        <translation>[{n} paso pendiente]</translation>
    </message>
    <message>
        <source>[{n} open steps]</source>
        <translation>[{n} pasos pendientes]</translation>
    </message>
    <message>
        <source>Pick an advisee first.</source>
        <translation>Elige un tutorado primero.</translation>
    </message>
    <message>
        <source>A conference note was not saved ({title}, last typed {when}). Bring it back?</source>
        <translation>Una nota de conferencia no se guardó ({title}, escrita por última vez el {when}). ¿Recuperarla?</translation>
    </message>
    <message>
        <source>Unsaved conference</source>
        <translation>Conferencia sin guardar</translation>
    </message>
    <message>
        <source>Nothing you may see matches.</source>
        <translation>Nada de lo que puedes ver coincide.</translation>
    </message>
    <message>
        <source>Family pack</source>
        <translation>Resumen para la familia</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Save the family pack</source>
        <translation>Guardar el resumen para la familia</translation>
    </message>
    <message>
        <source>{name} family pack.pdf</source>
        <translation>{name} resumen para la familia.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Family pack not saved</source>
        <translation>No se guardó el resumen para la familia</translation>
    </message>
    <message>
        <source>Saved {file}: only what is marked shareable with the family is in it.</source>
        <translation>Se guardó {file}: solo contiene lo marcado como compartible con la familia.</translation>
    </message>
    <message>
        <source>&lt;p&gt;plclassroom uses Qt {qt} and Qt for Python (PySide6) {pyside} under the GNU Lesser General Public License v3. You may replace the Qt libraries with your own build of the same version: they are separate files beside the program (on Linux in &lt;i&gt;_internal/PySide6/Qt/lib&lt;/i&gt;, on Windows in &lt;i&gt;_internal\PySide6&lt;/i&gt;, on macOS in &lt;i&gt;plclassroom.app/Contents/Frameworks&lt;/i&gt;). The source of Qt and PySide6 is at download.qt.io. The licence texts are in each library's folder of the installation.&lt;/p&gt;</source>
        <translation>&lt;p&gt;plclassroom usa Qt {qt} y Qt for Python (PySide6) {pyside} bajo la Licencia Pública General Reducida de GNU v3 (LGPL). Puedes reemplazar las bibliotecas de Qt por tu propia compilación de la misma versión: son archivos separados junto al programa (en Linux en &lt;i&gt;_internal/PySide6/Qt/lib&lt;/i&gt;, en Windows en &lt;i&gt;_internal\PySide6&lt;/i&gt;, en macOS en &lt;i&gt;plclassroom.app/Contents/Frameworks&lt;/i&gt;). El código fuente de Qt y PySide6 está en download.qt.io. Los textos de las licencias están en la carpeta de cada biblioteca dentro de la instalación.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About plclassroom</source>
        <translation>Acerca de plclassroom</translation>
    </message>
    <message>
        <source>&lt;h2&gt;plclassroom {version}&lt;/h2&gt;&lt;p&gt;Offline-first personalised learning for K-12 classrooms: learner profiles, playlists, mastery, station rotations and conferences.&lt;/p&gt;&lt;p&gt;Data: {database}&lt;br&gt;Python {python}, Qt {qt}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;plclassroom {version}&lt;/h2&gt;&lt;p&gt;Aprendizaje personalizado para aulas de educación básica y media, que funciona sin conexión: perfiles de estudiantes, listas de actividades, dominio, rotaciones por estaciones y conferencias.&lt;/p&gt;&lt;p&gt;Datos: {database}&lt;br&gt;Python {python}, Qt {qt}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bundled libraries and their licences</source>
        <translation>Bibliotecas incluidas y sus licencias</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Qt and the LGPL</source>
        <translation>Qt y la LGPL</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>&amp;Licencias</translation>
    </message>
    <message>
        <source>&amp;Qt and the LGPL</source>
        <translation>&amp;Qt y la LGPL</translation>
    </message>
    <message>
        <source>plclassroom help</source>
        <translation>Ayuda de plclassroom</translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation>Temas de ayuda</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Texto de ayuda</translation>
    </message>
    <message>
        <source>Learner profile</source>
        <translation>Perfil del estudiante</translation>
    </message>
    <message>
        <source>&lt;p&gt;One student's strengths, needs, interests, goals and accommodations.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Pick a student in the roster on the left (Ctrl+F finds one by name).&lt;/li&gt;&lt;li&gt;Type in any box: it is saved by itself a moment after you stop typing.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Add goal&lt;/b&gt; and &lt;b&gt;Add accommodation&lt;/b&gt; add a row; Edit &amp;gt; Undo takes back any change.&lt;/li&gt;&lt;li&gt;The quick evidence box records a score for this student without leaving the profile.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Las fortalezas, necesidades, intereses, metas y adecuaciones de un estudiante.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Elige un estudiante en la lista de la izquierda (Ctrl+F busca por nombre).&lt;/li&gt;&lt;li&gt;Escribe en cualquier campo: se guarda solo un momento después de que dejas de escribir.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Agregar meta&lt;/b&gt; y &lt;b&gt;Agregar adecuación&lt;/b&gt; agregan una fila; Editar &amp;gt; Deshacer revierte cualquier cambio.&lt;/li&gt;&lt;li&gt;El cuadro de evidencia rápida registra una puntuación para este estudiante sin salir del perfil.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Class mastery</source>
        <translation>Dominio de la clase</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every student against every competency of the class's framework.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Each cell shows the level as a number, not by its colour alone; a level the teacher set by hand is in bold italics, and hovering says how a level was calculated.&lt;/li&gt;&lt;li&gt;Enter or a double-click on a cell opens its history: every piece of evidence, the trend and the calculation.&lt;/li&gt;&lt;li&gt;Class &amp;gt; Mastery settings chooses the scale and how mastery is calculated.&lt;/li&gt;&lt;li&gt;Class &amp;gt; Export heatmap saves it as a PDF or PNG for a data meeting.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Cada estudiante frente a cada competencia del marco de la clase.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Cada celda muestra el nivel como número, no solo con su color; un nivel que el docente fijó a mano aparece en negrita cursiva, y al pasar el puntero se explica cómo se calculó.&lt;/li&gt;&lt;li&gt;Intro o un doble clic en una celda abre su historial: cada evidencia, la tendencia y el cálculo.&lt;/li&gt;&lt;li&gt;Clase &amp;gt; Configuración de dominio elige la escala y cómo se calcula el dominio.&lt;/li&gt;&lt;li&gt;Clase &amp;gt; Exportar mapa de calor lo guarda como PDF o PNG para una reunión de datos.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Record evidence</source>
        <translation>Registrar evidencias</translation>
    </message>
    <message>
        <source>&lt;p&gt;Scores for the whole class on a few competencies at once, as in a grade book.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Choose the competencies, then type a score in a cell (0 to 4 on the 4-point scale); Tab and the arrow keys move between cells.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Save&lt;/b&gt; records them all as evidence with today's date and the kind you chose.&lt;/li&gt;&lt;li&gt;File &amp;gt; Import scores brings a spreadsheet's scores in the same way.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Puntuaciones de toda la clase en varias competencias a la vez, como en un registro de calificaciones.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Elige las competencias y escribe una puntuación en una celda (de 0 a 4 en la escala de 4 puntos); Tab y las flechas mueven entre celdas.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Guardar&lt;/b&gt; las registra todas como evidencias con la fecha de hoy y el tipo que elegiste.&lt;/li&gt;&lt;li&gt;Archivo &amp;gt; Importar puntuaciones trae las puntuaciones de una hoja de cálculo de la misma forma.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Listas de actividades</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ordered learning activities for a competency, assigned to students or groups.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;New playlist&lt;/b&gt; opens the editor: add activities, their kind and the time they take.&lt;/li&gt;&lt;li&gt;Assign a playlist to a student, a group or the class; each student's progress shows beside it.&lt;/li&gt;&lt;li&gt;Print a paper checklist for students without a device, and tick it back in from the sheet.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Actividades de aprendizaje en orden para una competencia, asignadas a estudiantes o grupos.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Nueva lista&lt;/b&gt; abre el editor: agrega actividades, su tipo y el tiempo que toman.&lt;/li&gt;&lt;li&gt;Asigna una lista a un estudiante, a un grupo o a la clase; el avance de cada estudiante aparece al lado.&lt;/li&gt;&lt;li&gt;Imprime una lista de control en papel para quienes no tienen dispositivo, y marca después lo hecho a partir de la hoja.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Conferences</source>
        <translation>Conferencias</translation>
    </message>
    <message>
        <source>&lt;p&gt;One-on-one conferences with a student: notes, goals and next steps.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;New conference&lt;/b&gt; starts from your school's prompts for the kind you choose.&lt;/li&gt;&lt;li&gt;What you type is kept as a draft until you save, even if the laptop stops.&lt;/li&gt;&lt;li&gt;Next steps have an owner and a due date; the caseload lists the advisees most in need of a conference first, with their overdue steps.&lt;/li&gt;&lt;li&gt;A private conference is seen only by you.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Conferencias individuales con un estudiante: notas, metas y próximos pasos.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Nueva conferencia&lt;/b&gt; parte de las preguntas guía de tu escuela para el tipo que elijas.&lt;/li&gt;&lt;li&gt;Lo que escribes se guarda como borrador hasta que guardes, aunque la computadora se apague.&lt;/li&gt;&lt;li&gt;Los próximos pasos tienen un responsable y una fecha límite; la lista de tutorados muestra primero a quienes más necesitan una conferencia, con sus pasos vencidos.&lt;/li&gt;&lt;li&gt;Una conferencia privada solo la ves tú.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Rotations</source>
        <translation>Rotaciones</translation>
    </message>
    <message>
        <source>&lt;p&gt;Station rotations: groups of students move between stations in timed blocks.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;New rotation plan&lt;/b&gt; sets the stations, the blocks and their length.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Build groups&lt;/b&gt; proposes groups from mastery and your constraints; move a student between groups if you know better.&lt;/li&gt;&lt;li&gt;Ctrl+B opens the board for the projector: the timer, who goes where, and a chime before each move.&lt;/li&gt;&lt;li&gt;Print the group cards, the station signs and the day's plan.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Rotaciones por estaciones: grupos de estudiantes pasan de una estación a otra en bloques con tiempo.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Nuevo plan de rotación&lt;/b&gt; define las estaciones, los bloques y su duración.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Formar grupos&lt;/b&gt; propone grupos según el dominio y tus restricciones; cambia a un estudiante de grupo si lo sabes mejor.&lt;/li&gt;&lt;li&gt;Ctrl+B abre el tablero para el proyector: el temporizador, quién va a dónde y un aviso sonoro antes de cada cambio.&lt;/li&gt;&lt;li&gt;Imprime las tarjetas de grupo, los carteles de las estaciones y el plan del día.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Data meetings</source>
        <translation>Reuniones de datos</translation>
    </message>
    <message>
        <source>&lt;p&gt;A grade team's ten minutes: who needs us, what changed since last time, what we agree.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Class &amp;gt; Data meeting (Ctrl+Shift+M) opens the team of the class shown: its school's teachers of that grade.&lt;/li&gt;&lt;li&gt;Each flagged student shows exactly what tripped each rule, with the numbers and the rule's threshold; &lt;i&gt;new&lt;/i&gt; marks what was not flagged at the last meeting.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Rules…&lt;/b&gt; shows and changes the school's thresholds.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Hold meeting now&lt;/b&gt; records the meeting, so the next one shows what changed; an action (what, about whom, who, by when) is kept with it and syncs to the school's staff.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Los diez minutos de un equipo de grado: quién nos necesita, qué cambió desde la última vez, qué acordamos.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Clase &amp;gt; Reunión de datos (Ctrl+Mayús+M) abre el equipo de la clase que se muestra: los docentes de ese grado en su escuela.&lt;/li&gt;&lt;li&gt;Cada estudiante señalado muestra exactamente qué activó cada regla, con los números y el umbral de la regla; &lt;i&gt;nuevo&lt;/i&gt; marca lo que no estaba señalado en la última reunión.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Reglas…&lt;/b&gt; muestra y cambia los umbrales de la escuela.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Registrar reunión ahora&lt;/b&gt; guarda la reunión, para que la siguiente muestre qué cambió; una acción (qué, sobre quién, quién, para cuándo) se guarda con ella y se sincroniza con el personal de la escuela.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Sync and backups</source>
        <translation>Sincronización y copias de seguridad</translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything works without a network. When there is one, the app syncs with your district server by itself (Edit &amp;gt; Settings says how often).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;File &amp;gt; Connect to district server enrols this laptop with a one-time code.&lt;/li&gt;&lt;li&gt;No link at all: File &amp;gt; Export sync bundle writes a file for a USB stick; the district gives back a return bundle (File &amp;gt; Import return bundle).&lt;/li&gt;&lt;li&gt;Two people changed the same note: File &amp;gt; Settle sync conflicts shows both side by side.&lt;/li&gt;&lt;li&gt;File &amp;gt; Back up now copies the database; File &amp;gt; Restore from backup brings one back.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Todo funciona sin red. Cuando hay conexión, la aplicación se sincroniza sola con el servidor de tu distrito (Editar &amp;gt; Configuración indica cada cuánto).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Archivo &amp;gt; Conectar al servidor del distrito inscribe esta computadora con un código de un solo uso.&lt;/li&gt;&lt;li&gt;Sin ninguna conexión: Archivo &amp;gt; Exportar paquete de sincronización escribe un archivo para una memoria USB; el distrito devuelve un paquete de retorno (Archivo &amp;gt; Importar paquete de retorno).&lt;/li&gt;&lt;li&gt;Dos personas cambiaron la misma nota: Archivo &amp;gt; Resolver conflictos de sincronización muestra ambas versiones lado a lado.&lt;/li&gt;&lt;li&gt;Archivo &amp;gt; Hacer copia de seguridad ahora copia la base de datos; Archivo &amp;gt; Restaurar desde copia de seguridad la recupera.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Privacy and the screen lock</source>
        <translation>Privacidad y bloqueo de pantalla</translation>
    </message>
    <message>
        <source>&lt;p&gt;Student data stays on this laptop and your district's server.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Ctrl+L locks the screen at once; it also locks after some minutes without use. Your app PIN unlocks it.&lt;/li&gt;&lt;li&gt;Student &amp;gt; Export everything about this student answers a family's request for their child's data.&lt;/li&gt;&lt;li&gt;Student &amp;gt; Delete this student from this laptop removes them here; ask your district to remove them from the server too.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Los datos de los estudiantes se quedan en esta computadora y en el servidor de tu distrito.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Ctrl+L bloquea la pantalla de inmediato; también se bloquea tras unos minutos sin uso. Tu PIN de la aplicación la desbloquea.&lt;/li&gt;&lt;li&gt;Estudiante &amp;gt; Exportar todo sobre este estudiante responde a la solicitud de una familia sobre los datos de su hijo o hija.&lt;/li&gt;&lt;li&gt;Estudiante &amp;gt; Borrar este estudiante de esta computadora lo elimina aquí; pide a tu distrito que también lo elimine del servidor.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Keyboard and screen readers</source>
        <translation>Teclado y lectores de pantalla</translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything can be done with the keyboard.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Alt with the underlined letter opens a menu or a tab; Ctrl+Tab moves between tabs.&lt;/li&gt;&lt;li&gt;Tab and Shift+Tab move between fields; Space or Enter presses a button.&lt;/li&gt;&lt;li&gt;Ctrl+F finds a student, Ctrl+Z undoes, Ctrl+Shift+S syncs, F1 opens this help.&lt;/li&gt;&lt;li&gt;View &amp;gt; Larger text (Ctrl++) and Smaller text (Ctrl+-) change the size of all text; Edit &amp;gt; Settings offers a high-contrast theme.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Todo se puede hacer con el teclado.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Alt con la letra subrayada abre un menú o una pestaña; Ctrl+Tab pasa de una pestaña a otra.&lt;/li&gt;&lt;li&gt;Tab y Mayús+Tab pasan de un campo a otro; Espacio o Intro pulsan un botón.&lt;/li&gt;&lt;li&gt;Ctrl+F busca un estudiante, Ctrl+Z deshace, Ctrl+Mayús+S sincroniza, F1 abre esta ayuda.&lt;/li&gt;&lt;li&gt;Ver &amp;gt; Texto más grande (Ctrl++) y Texto más pequeño (Ctrl+-) cambian el tamaño de todo el texto; Editar &amp;gt; Configuración ofrece un tema de alto contraste.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Import a competency framework</source>
        <translation>Importar un marco de competencias</translation>
    </message>
    <message>
        <source>Frameworks (*.json *.csv);;CASE package (*.json);;OpenSALT spreadsheet (*.csv)</source>
        <translation>Marcos (*.json *.csv);;Paquete CASE (*.json);;Hoja de cálculo de OpenSALT (*.csv)</translation>
    </message>
    <message>
        <source>Framework “{title}”: {added} competencies added, {updated} updated, {unchanged} unchanged, {retired} no longer in the file (kept).</source>
        <translation>Marco “{title}”: competencias agregadas: {added}, actualizadas: {updated}, sin cambios: {unchanged}, ya no están en el archivo (se conservan): {retired}.</translation>
    </message>
    <message>
        <source>Framework “{title}”: {added} competencies added, {updated} updated, {unchanged} unchanged.</source>
        <translation>Marco “{title}”: competencias agregadas: {added}, actualizadas: {updated}, sin cambios: {unchanged}.</translation>
    </message>
    <message>
        <source>The import stopped: {error}</source>
        <translation>La importación se detuvo: {error}</translation>
    </message>
    <message>
        <source>Framework not imported</source>
        <translation>Marco no importado</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Importando {name}…</translation>
    </message>
    <message>
        <source>Pick a class to export first.</source>
        <translation>Elige primero una clase para exportar.</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>Exportar lista de clase</translation>
    </message>
    <message>
        <source>Export mastery</source>
        <translation>Exportar dominio</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported {rows} rows to {name}.</source>
        <translation>Filas exportadas a {name}: {rows}.</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>Exportando {name}…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>Import roster — {source}</source>
        <translation>Importar lista de clase — {source}</translation>
    </message>
    <message>
        <source>&lt;b&gt;OneRoster {version}&lt;/b&gt; package &lt;b&gt;{source}&lt;/b&gt;</source>
        <translation>Paquete &lt;b&gt;OneRoster {version}&lt;/b&gt; &lt;b&gt;{source}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What the import will do</source>
        <translation>Lo que hará la importación</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problemas encontrados</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Stops the import</source>
        <translation>Detiene la importación</translation>
    </message>
    <message>
        <source>Row skipped</source>
        <translation>Fila omitida</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>{file} row {row}</source>
        <translation>{file} fila {row}</translation>
    </message>
    <message>
        <source>{fatal} problems stop the import, {rows} rows have problems, {notes} notes.</source>
        <translation>Problemas que detienen la importación: {fatal}; filas con problemas: {rows}; notas: {notes}.</translation>
    </message>
    <message>
        <source>Import the valid rows only ({n} rows will be skipped)</source>
        <translation>Importar solo las filas válidas (se omitirán {n} filas)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Import a OneRoster folder</source>
        <translation>Importar una carpeta OneRoster</translation>
    </message>
    <message>
        <source>Import a OneRoster package</source>
        <translation>Importar un paquete OneRoster</translation>
    </message>
    <message>
        <source>OneRoster package (*.zip);;All files (*)</source>
        <translation>Paquete OneRoster (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importación cancelada; no se cambió nada.</translation>
    </message>
    <message>
        <source>Roster not imported</source>
        <translation>Lista de clase no importada</translation>
    </message>
    <message>
        <source>The import stopped and nothing was changed: {error}</source>
        <translation>La importación se detuvo y no se cambió nada: {error}</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Roster imported from {source}: {added} added, {changed} updated.</source>
        <translation>Lista de clase importada desde {source}: {added} agregados, {changed} actualizados.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>identifier</source>
        <translation>identificador</translation>
    </message>
    <message>
        <source>source_id</source>
        <translation>id de origen (source_id)</translation>
    </message>
    <message>
        <source>username</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <source>email</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation>MM/DD/AAAA</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/AAAA</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>línea base</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidencias</translation>
    </message>
    <message>
        <source>{part} is not 'score=level' (for example 215=3)</source>
        <translation>{part} no es 'puntaje=nivel' (por ejemplo 215=3)</translation>
    </message>
    <message>
        <source>Import scores — {name}</source>
        <translation>Importar puntajes — {name}</translation>
    </message>
    <message>
        <source>Source of the scores</source>
        <translation>Fuente de los puntajes</translation>
    </message>
    <message>
        <source>e.g. MAP Growth Math, State test 2026</source>
        <translation>p. ej., MAP Growth Matemáticas, Prueba estatal 2026</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Fuente:</translation>
    </message>
    <message>
        <source>Student column</source>
        <translation>Columna de estudiante</translation>
    </message>
    <message>
        <source>Students matched by</source>
        <translation>Estudiantes identificados por</translation>
    </message>
    <message>
        <source>Score column</source>
        <translation>Columna de puntaje</translation>
    </message>
    <message>
        <source>Date column</source>
        <translation>Columna de fecha</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>Formato de fecha</translation>
    </message>
    <message>
        <source>Measure column</source>
        <translation>Columna de medida</translation>
    </message>
    <message>
        <source>what was measured, if no column says</source>
        <translation>qué se midió, si ninguna columna lo dice</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Scores go to</source>
        <translation>Los puntajes van a</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Competencia</translation>
    </message>
    <message>
        <source>Competency column</source>
        <translation>Columna de competencia</translation>
    </message>
    <message>
        <source>raw score = level, e.g. 230=4, 215=3, 200=2, 0=1</source>
        <translation>puntaje bruto = nivel, p. ej., 230=4, 215=3, 200=2, 0=1</translation>
    </message>
    <message>
        <source>Cut-offs</source>
        <translation>Puntos de corte</translation>
    </message>
    <message>
        <source>Student column:</source>
        <translation>Columna de estudiante:</translation>
    </message>
    <message>
        <source>Matched by:</source>
        <translation>Identificados por:</translation>
    </message>
    <message>
        <source>Score column:</source>
        <translation>Columna de puntaje:</translation>
    </message>
    <message>
        <source>Date column:</source>
        <translation>Columna de fecha:</translation>
    </message>
    <message>
        <source>Date format:</source>
        <translation>Formato de fecha:</translation>
    </message>
    <message>
        <source>Measure column:</source>
        <translation>Columna de medida:</translation>
    </message>
    <message>
        <source>Measure:</source>
        <translation>Medida:</translation>
    </message>
    <message>
        <source>Scores go to:</source>
        <translation>Los puntajes van a:</translation>
    </message>
    <message>
        <source>Competency:</source>
        <translation>Competencia:</translation>
    </message>
    <message>
        <source>…or a column of competencies:</source>
        <translation>…o una columna de competencias:</translation>
    </message>
    <message>
        <source>Cut-offs to levels:</source>
        <translation>Puntos de corte a niveles:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Choose the columns, then Preview.</source>
        <translation>Elige las columnas y luego Vista previa.</translation>
    </message>
    <message>
        <source>Problems and sample</source>
        <translation>Problemas y muestra</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Import the valid rows only</source>
        <translation>Importar solo las filas válidas</translation>
    </message>
    <message>
        <source>The remembered mapping for “{source}” is filled in. Preview to check it.</source>
        <translation>Se completó la asignación recordada para “{source}”. Usa Vista previa para revisarla.</translation>
    </message>
    <message>
        <source>Cut-offs: {error}</source>
        <translation>Puntos de corte: {error}</translation>
    </message>
    <message>
        <source>The preview stopped: {error}</source>
        <translation>La vista previa se detuvo: {error}</translation>
    </message>
    <message>
        <source>{rows} rows: {to_add} to add, {there} already here; {fatal} problems stop the import, {problems} rows have problems.</source>
        <translation>Filas: {rows}; por agregar: {to_add}; ya están aquí: {there}; problemas que detienen la importación: {fatal}; filas con problemas: {problems}.</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>fila {row}</translation>
    </message>
    <message>
        <source>{raw} → level {level} on {day}</source>
        <translation>{raw} → nivel {level} el {day}</translation>
    </message>
    <message>
        <source>{raw} → level {level}</source>
        <translation>{raw} → nivel {level}</translation>
    </message>
    <message>
        <source>{raw} on {day}</source>
        <translation>{raw} el {day}</translation>
    </message>
    <message>
        <source>{n} scores from {source} imported; the mapping is remembered.</source>
        <translation>Puntajes importados de {source}: {n}; la asignación queda recordada.</translation>
    </message>
    <message>
        <source>Scores not imported</source>
        <translation>Puntajes no importados</translation>
    </message>
    <message>
        <source>Import test scores</source>
        <translation>Importar puntajes de pruebas</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>plclassroom — {database}</source>
        <translation>plclassroom — {database}</translation>
    </message>
    <message>
        <source>Views of the class</source>
        <translation>Vistas de la clase</translation>
    </message>
    <message>
        <source>&amp;Learner profile</source>
        <translation>&amp;Perfil del estudiante</translation>
    </message>
    <message>
        <source>Class &amp;mastery</source>
        <translation>&amp;Dominio de la clase</translation>
    </message>
    <message>
        <source>&amp;Playlists</source>
        <translation>&amp;Listas de actividades</translation>
    </message>
    <message>
        <source>Record evi&amp;dence</source>
        <translation>Re&amp;gistrar evidencias</translation>
    </message>
    <message>
        <source>Co&amp;nferences</source>
        <translation>C&amp;onferencias</translation>
    </message>
    <message>
        <source>&amp;Rotations</source>
        <translation>&amp;Rotaciones</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Última sincronización: nunca</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Pick a class first.</source>
        <translation>Elige una clase primero.</translation>
    </message>
    <message>
        <source>The app now speaks English.</source>
        <translation>La aplicación ahora está en español.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Import &amp;roster…</source>
        <translation>Importar &amp;lista de clase…</translation>
    </message>
    <message>
        <source>Import roster &amp;folder…</source>
        <translation>Importar &amp;carpeta de lista de clase…</translation>
    </message>
    <message>
        <source>Import &amp;framework…</source>
        <translation>Importar &amp;marco de competencias…</translation>
    </message>
    <message>
        <source>Import &amp;scores…</source>
        <translation>Importar &amp;puntuaciones…</translation>
    </message>
    <message>
        <source>Export class r&amp;oster…</source>
        <translation>E&amp;xportar lista de clase…</translation>
    </message>
    <message>
        <source>Export &amp;mastery…</source>
        <translation>Exportar d&amp;ominio…</translation>
    </message>
    <message>
        <source>Connect to &amp;district server…</source>
        <translation>Conectar al servidor del &amp;distrito…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync re&amp;port…</source>
        <translation>I&amp;nforme de sincronización…</translation>
    </message>
    <message>
        <source>Settle sync &amp;conflicts…</source>
        <translation>&amp;Resolver conflictos de sincronización…</translation>
    </message>
    <message>
        <source>Export sync &amp;bundle (USB)…</source>
        <translation>Exportar paquete de sincronización (&amp;USB)…</translation>
    </message>
    <message>
        <source>Import return b&amp;undle…</source>
        <translation>Importar paquete de re&amp;torno…</translation>
    </message>
    <message>
        <source>Back up no&amp;w…</source>
        <translation>Hacer copia de s&amp;eguridad ahora…</translation>
    </message>
    <message>
        <source>Restore from bac&amp;kup…</source>
        <translation>Restaurar desde copia de se&amp;guridad…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sal&amp;ir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Find student</source>
        <translation>&amp;Buscar estudiante</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>&amp;Clase</translation>
    </message>
    <message>
        <source>&amp;Mastery settings…</source>
        <translation>&amp;Configuración de dominio…</translation>
    </message>
    <message>
        <source>&amp;Distribution chart…</source>
        <translation>Gráfico de &amp;distribución…</translation>
    </message>
    <message>
        <source>Export &amp;heatmap (PDF or PNG)…</source>
        <translation>Exportar &amp;mapa de calor (PDF o PNG)…</translation>
    </message>
    <message>
        <source>Export &amp;student report (PDF or PNG)…</source>
        <translation>Exportar &amp;informe del estudiante (PDF o PNG)…</translation>
    </message>
    <message>
        <source>&amp;Flex seminars…</source>
        <translation>&amp;Seminarios flexibles…</translation>
    </message>
    <message>
        <source>Data m&amp;eeting…</source>
        <translation>R&amp;eunión de datos…</translation>
    </message>
    <message>
        <source>Rotation &amp;board</source>
        <translation>&amp;Tablero de rotación</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Full &amp;screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>Texto más p&amp;equeño</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>Tamaño de texto &amp;normal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Help for this screen</source>
        <translation>&amp;Ayuda para esta pantalla</translation>
    </message>
    <message>
        <source>&amp;About plclassroom</source>
        <translation>Acerca &amp;de plclassroom</translation>
    </message>
    <message>
        <source>Text size: {percent} %</source>
        <translation>Tamaño del texto: {percent} %</translation>
    </message>
    <message>
        <source>observation</source>
        <translation>observación</translation>
    </message>
    <message>
        <source>quiz</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>project</source>
        <translation>proyecto</translation>
    </message>
    <message>
        <source>conference</source>
        <translation>conferencia</translation>
    </message>
    <message>
        <source>self-assessment</source>
        <translation>autoevaluación</translation>
    </message>
    <message>
        <source>playlist checkpoint</source>
        <translation>punto de control de lista de actividades</translation>
    </message>
    <message>
        <source>prior score</source>
        <translation>puntuación previa</translation>
    </message>
    <message>
        <source>{name} (absent)</source>
        <translation>{name} (ausente)</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>Saved as evidence. Type over it to correct it (the first version is kept).</source>
        <translation>Guardado como evidencia. Escribe encima para corregirlo (se conserva la primera versión).</translation>
    </message>
    <message>
        <source>Evidence entry grid</source>
        <translation>Cuadrícula de registro de evidencias</translation>
    </message>
    <message>
        <source>Competencies to record</source>
        <translation>Competencias a registrar</translation>
    </message>
    <message>
        <source>Date observed</source>
        <translation>Fecha de observación</translation>
    </message>
    <message>
        <source>Kind of evidence</source>
        <translation>Tipo de evidencia</translation>
    </message>
    <message>
        <source>Note for every piece (optional)</source>
        <translation>Nota para todas las evidencias (opcional)</translation>
    </message>
    <message>
        <source>Level to fill</source>
        <translation>Nivel para rellenar</translation>
    </message>
    <message>
        <source>F&amp;ill empty in this column</source>
        <translation>Rellenar vacías en esta col&amp;umna</translation>
    </message>
    <message>
        <source>Give every present student without a level in the current column this level</source>
        <translation>Dar este nivel a cada estudiante presente sin nivel en la columna actual</translation>
    </message>
    <message>
        <source>Type a level and press Enter; 'a' marks a student absent.</source>
        <translation>Escribe un nivel y presiona Intro; 'a' marca a un estudiante como ausente.</translation>
    </message>
    <message>
        <source>&amp;Observed</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>T&amp;ipo</translation>
    </message>
    <message>
        <source>Compe&amp;tencies</source>
        <translation>Co&amp;mpetencias</translation>
    </message>
    <message>
        <source>Saved {n} piece of evidence.</source>
        <translation>Se guardó {n} evidencia.</translation>
    </message>
    <message>
        <source>Saved {n} pieces of evidence.</source>
        <translation>Se guardaron {n} evidencias.</translation>
    </message>
    <message>
        <source>{value} is not a level.</source>
        <translation>{value} no es un nivel.</translation>
    </message>
    <message>
        <source>Pick a column first.</source>
        <translation>Elige una columna primero.</translation>
    </message>
    <message>
        <source>Nothing pasted: {values} is not a level.</source>
        <translation>No se pegó nada: {values} no es un nivel.</translation>
    </message>
    <message>
        <source>Nothing pasted: {values} are not a level.</source>
        <translation>No se pegó nada: {values} no son niveles.</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>Se guardó {name}.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>Export the class heatmap</source>
        <translation>Exportar el mapa de calor de la clase</translation>
    </message>
    <message>
        <source>{title} mastery.pdf</source>
        <translation>{title} dominio.pdf</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Guardando {name}…</translation>
    </message>
    <message>
        <source>Pick a class and a student first.</source>
        <translation>Elige una clase y un estudiante primero.</translation>
    </message>
    <message>
        <source>Export the student's mastery report</source>
        <translation>Exportar el informe de dominio del estudiante</translation>
    </message>
    <message>
        <source>mastery report.pdf</source>
        <translation>informe de dominio.pdf</translation>
    </message>
    <message>
        <source>Distribution — {title}</source>
        <translation>Distribución — {title}</translation>
    </message>
    <message>
        <source>no evidence yet</source>
        <translation>todavía sin evidencias</translation>
    </message>
    <message>
        <source>{levels}, {missing} with no evidence</source>
        <translation>{levels}, {missing} sin evidencias</translation>
    </message>
    <message>
        <source>{student} — {code}: no evidence yet</source>
        <translation>{student} — {code}: todavía sin evidencias</translation>
    </message>
    <message>
        <source>{method} of {n} piece: {formula}</source>
        <translation>{method} de {n} evidencia: {formula}</translation>
    </message>
    <message>
        <source>{method} of {n} pieces: {formula}</source>
        <translation>{method} de {n} evidencias: {formula}</translation>
    </message>
    <message>
        <source>grade {grade}</source>
        <translation>calificación {grade}</translation>
    </message>
    <message>
        <source>Overridden by the teacher: {reason} (calculated {score})</source>
        <translation>Modificado por el docente: {reason} (calculado: {score})</translation>
    </message>
    <message>
        <source>Set by the teacher: {reason}</source>
        <translation>Fijado por el docente: {reason}</translation>
    </message>
    <message>
        <source>Class mastery heatmap</source>
        <translation>Mapa de calor del dominio de la clase</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>A la fecha</translation>
    </message>
    <message>
        <source>Show the heatmap as it stood on a past day</source>
        <translation>Mostrar el mapa de calor como estaba en un día anterior</translation>
    </message>
    <message>
        <source>As of date</source>
        <translation>Fecha a consultar</translation>
    </message>
    <message>
        <source>Filter students</source>
        <translation>Filtrar estudiantes</translation>
    </message>
    <message>
        <source>Show students</source>
        <translation>Mostrar estudiantes</translation>
    </message>
    <message>
        <source>All students</source>
        <translation>Todos los estudiantes</translation>
    </message>
    <message>
        <source>Below mastery on the selected competency</source>
        <translation>Por debajo del dominio en la competencia seleccionada</translation>
    </message>
    <message>
        <source>Mastery settings…</source>
        <translation>Configuración de dominio…</translation>
    </message>
    <message>
        <source>Method, scale and grades for this class</source>
        <translation>Método, escala y calificaciones de esta clase</translation>
    </message>
    <message>
        <source>Who needs what: pick a competency</source>
        <translation>Quién necesita qué: elige una competencia</translation>
    </message>
    <message>
        <source>Students below mastery on the selected competency</source>
        <translation>Estudiantes por debajo del dominio en la competencia seleccionada</translation>
    </message>
    <message>
        <source>This class has no competency framework yet: import one (File &gt; Import framework) and choose it for the class.</source>
        <translation>Esta clase aún no tiene un marco de competencias: importa uno (Archivo &gt; Importar marco de competencias) y elígelo para la clase.</translation>
    </message>
    <message>
        <source>{method} · {scale}, mastery at {score}</source>
        <translation>{method} · {scale}, dominio desde {score}</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>al {date}</translation>
    </message>
    <message>
        <source>Below mastery on {code}: {n} of {total}</source>
        <translation>Por debajo del dominio en {code}: {n} de {total}</translation>
    </message>
    <message>
        <source>{name}  (no evidence)</source>
        <translation>{name}  (sin evidencias)</translation>
    </message>
    <message>
        <source>Override the level</source>
        <translation>Modificar el nivel</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Why (kept with the level, shown on hover)</source>
        <translation>Por qué (se guarda con el nivel y se muestra al pasar el puntero)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Nivel:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>The override stands until new evidence is recorded.</source>
        <translation>La modificación se mantiene hasta que se registren nuevas evidencias.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Level after</source>
        <translation>Nivel después</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Correct selected piece…</source>
        <translation>Corregir la evidencia seleccionada…</translation>
    </message>
    <message>
        <source>Override level…</source>
        <translation>Modificar el nivel…</translation>
    </message>
    <message>
        <source>Remove override</source>
        <translation>Quitar la modificación</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Adjuntar un archivo…</translation>
    </message>
    <message>
        <source>Open attached file</source>
        <translation>Abrir el archivo adjunto</translation>
    </message>
    <message>
        <source>No evidence yet.</source>
        <translation>Aún no hay evidencias.</translation>
    </message>
    <message>
        <source>Level: {level} ({score}). {how}</source>
        <translation>Nivel: {level} ({score}). {how}</translation>
    </message>
    <message>
        <source>Overridden by the teacher: “{reason}”</source>
        <translation>Modificado por el docente: “{reason}”</translation>
    </message>
    <message>
        <source>Overridden by the teacher: “{reason}” (calculated {score})</source>
        <translation>Modificado por el docente: “{reason}” (calculado: {score})</translation>
    </message>
    <message>
        <source>{score} (was {scores})</source>
        <translation>{score} (antes {scores})</translation>
    </message>
    <message>
        <source>Select the piece to correct first.</source>
        <translation>Selecciona primero la evidencia que quieres corregir.</translation>
    </message>
    <message>
        <source>Correct a piece of evidence</source>
        <translation>Corregir una evidencia</translation>
    </message>
    <message>
        <source>Corrected level (the first version is kept):</source>
        <translation>Nivel corregido (se conserva la primera versión):</translation>
    </message>
    <message>
        <source>Select a piece of evidence first.</source>
        <translation>Selecciona una evidencia primero.</translation>
    </message>
    <message>
        <source>Photos and documents</source>
        <translation>Fotos y documentos</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Attach a file to this evidence</source>
        <translation>Adjuntar un archivo a esta evidencia</translation>
    </message>
    <message>
        <source>{name} kept with the evidence of {date}.</source>
        <translation>{name} se guardó con la evidencia del {date}.</translation>
    </message>
    <message>
        <source>That piece has no file attached.</source>
        <translation>Esa evidencia no tiene archivos adjuntos.</translation>
    </message>
    <message>
        <source>Save as .pdf or .png (not {suffix}).</source>
        <translation>Guarda como .pdf o .png (no {suffix}).</translation>
    </message>
    <message>
        <source>no extension</source>
        <translation>sin extensión</translation>
    </message>
    <message>
        <source>Most recent</source>
        <translation>Más reciente</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>Más alto</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Promedio</translation>
    </message>
    <message>
        <source>Mean of the last N</source>
        <translation>Promedio de las últimas N</translation>
    </message>
    <message>
        <source>Median of the last N</source>
        <translation>Mediana de las últimas N</translation>
    </message>
    <message>
        <source>Mode (most frequent)</source>
        <translation>Moda (la más frecuente)</translation>
    </message>
    <message>
        <source>Decaying average</source>
        <translation>Promedio ponderado decreciente</translation>
    </message>
    <message>
        <source>N times at mastery</source>
        <translation>N veces con dominio</translation>
    </message>
    <message>
        <source>Power law (Marzano)</source>
        <translation>Ley de potencia (Marzano)</translation>
    </message>
    <message>
        <source>{method} ({weight} on the newest)</source>
        <translation>{method} ({weight} en la más reciente)</translation>
    </message>
    <message>
        <source>{title} — mastery</source>
        <translation>{title} — dominio</translation>
    </message>
    <message>
        <source>no evidence</source>
        <translation>sin evidencias</translation>
    </message>
    <message>
        <source>set by the teacher</source>
        <translation>fijado por el docente</translation>
    </message>
    <message>
        <source>{n} student</source>
        <translation>{n} estudiante</translation>
    </message>
    <message>
        <source>{n} students</source>
        <translation>{n} estudiantes</translation>
    </message>
    <message>
        <source>{n} competency</source>
        <translation>{n} competencia</translation>
    </message>
    <message>
        <source>{n} competencies</source>
        <translation>{n} competencias</translation>
    </message>
    <message>
        <source>{method} · as of {date} · {students}, {competencies}</source>
        <translation>{method} · al {date} · {students}, {competencies}</translation>
    </message>
    <message>
        <source>page {number} of {total}: students {first}–{last}, {start} to {end}</source>
        <translation>página {number} de {total}: estudiantes {first}–{last}, de {start} a {end}</translation>
    </message>
    <message>
        <source>No students in this class yet.</source>
        <translation>Aún no hay estudiantes en esta clase.</translation>
    </message>
    <message>
        <source>This class has no competencies yet.</source>
        <translation>Esta clase aún no tiene competencias.</translation>
    </message>
    <message>
        <source>{method}, as of {date}</source>
        <translation>{method}, al {date}</translation>
    </message>
    <message>
        <source>That student is not in this class.</source>
        <translation>Ese estudiante no está en esta clase.</translation>
    </message>
    <message>
        <source>{mark} {code}: set by the teacher, because: {reason}</source>
        <translation>{mark} {code}: fijado por el docente. Motivo: {reason}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
    <message>
        <source>{title} · mastery report</source>
        <translation>{title} · informe de dominio</translation>
    </message>
    <message>
        <source>mastered {mastered} of {total} competency, evidence on {assessed}</source>
        <translation>dominio en {mastered} de {total} competencia, evidencias en {assessed}</translation>
    </message>
    <message>
        <source>mastered {mastered} of {total} competencies, evidence on {assessed}</source>
        <translation>dominio en {mastered} de {total} competencias, evidencias en {assessed}</translation>
    </message>
    <message>
        <source>{method} · as of {date} · {standing}</source>
        <translation>{method} · al {date} · {standing}</translation>
    </message>
    <message>
        <source>set by the teacher, see {mark}</source>
        <translation>fijado por el docente, ver {mark}</translation>
    </message>
    <message>
        <source>No competencies in this class yet.</source>
        <translation>Esta clase aún no tiene competencias.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>How the evidence went (the {shown} most recently assessed of {total})</source>
        <translation>Cómo evolucionaron las evidencias (las {shown} competencias evaluadas más recientemente, de {total})</translation>
    </message>
    <message>
        <source>How the evidence went</source>
        <translation>Cómo evolucionaron las evidencias</translation>
    </message>
    <message>
        <source>Printed {date} from plclassroom. Levels: {levels}.</source>
        <translation>Impreso el {date} desde plclassroom. Niveles: {levels}.</translation>
    </message>
    <message>
        <source>Mastery report, {method}</source>
        <translation>Informe de dominio, {method}</translation>
    </message>
    <message>
        <source>{part} is not 'lowest score=grade' (for example 2.5=B)</source>
        <translation>{part} no tiene la forma 'puntuación mínima=calificación' (por ejemplo 2.5=B)</translation>
    </message>
    <message>
        <source>{part} has no grade after '='</source>
        <translation>{part} no tiene calificación después de '='</translation>
    </message>
    <message>
        <source>Mastery settings — {title}</source>
        <translation>Configuración de dominio — {title}</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Método</translation>
    </message>
    <message>
        <source>&amp;Scale and grades</source>
        <translation>&amp;Escala y calificaciones</translation>
    </message>
    <message>
        <source>Calculation method</source>
        <translation>Método de cálculo</translation>
    </message>
    <message>
        <source>N (pieces or times)</source>
        <translation>N (evidencias o veces)</translation>
    </message>
    <message>
        <source>Weight of the newest piece</source>
        <translation>Peso de la evidencia más reciente</translation>
    </message>
    <message>
        <source>Competency to preview</source>
        <translation>Competencia para la vista previa</translation>
    </message>
    <message>
        <source>Method for this class:</source>
        <translation>Método para esta clase:</translation>
    </message>
    <message>
        <source>N (last N, N times):</source>
        <translation>N (últimos N, N veces):</translation>
    </message>
    <message>
        <source>Decaying average, newest weighs:</source>
        <translation>Promedio ponderado decreciente, el más reciente pesa:</translation>
    </message>
    <message>
        <source>Preview on:</source>
        <translation>Vista previa con:</translation>
    </message>
    <message>
        <source>Every method side by side</source>
        <translation>Todos los métodos lado a lado</translation>
    </message>
    <message>
        <source>Every method on this class's own evidence (the chosen one in bold). The last row counts who has reached mastery.</source>
        <translation>Cada método con las evidencias de esta clase (el elegido, en negrita). La última fila cuenta quiénes alcanzaron el dominio.</translation>
    </message>
    <message>
        <source>Reached mastery</source>
        <translation>Alcanzaron el dominio</translation>
    </message>
    <message>
        <source>{reached} of {total}</source>
        <translation>{reached} de {total}</translation>
    </message>
    <message>
        <source>Scale name</source>
        <translation>Nombre de la escala</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Niveles</translation>
    </message>
    <message>
        <source>Counts from (cut-off)</source>
        <translation>Cuenta desde (punto de corte)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>Agregar nivel</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>Quitar nivel</translation>
    </message>
    <message>
        <source>Mastery from level</source>
        <translation>Dominio desde el nivel</translation>
    </message>
    <message>
        <source>lowest score=grade, e.g. 3.5=A, 2.5=B, 1.5=C, 0=D (optional)</source>
        <translation>puntuación mínima=calificación, p. ej. 3.5=A, 2.5=B, 1.5=C, 0=D (opcional)</translation>
    </message>
    <message>
        <source>Report-card grades</source>
        <translation>Calificaciones de la boleta</translation>
    </message>
    <message>
        <source>Scale name:</source>
        <translation>Nombre de la escala:</translation>
    </message>
    <message>
        <source>Mastery from level:</source>
        <translation>Dominio desde el nivel:</translation>
    </message>
    <message>
        <source>Report-card grades:</source>
        <translation>Calificaciones de la boleta:</translation>
    </message>
    <message>
        <source>A calculated score at or above a level's cut-off reads as that level (e.g. 2.5 and up reads as Proficient). Grades show beside the level, never instead of it. Saving gives this class its own scale; other classes keep theirs.</source>
        <translation>Una puntuación calculada igual o superior al punto de corte de un nivel se lee como ese nivel (p. ej., 2.5 o más se lee como Competente). Las calificaciones se muestran junto al nivel, nunca en su lugar. Al guardar, esta clase tiene su propia escala; las demás clases conservan la suya.</translation>
    </message>
    <message>
        <source>Level row {row}: the level and its cut-off must be numbers.</source>
        <translation>Fila de nivel {row}: el nivel y su punto de corte deben ser números.</translation>
    </message>
    <message>
        <source>Level row {row}: {value} is not a colour (write it as #RRGGBB).</source>
        <translation>Fila de nivel {row}: {value} no es un color (escríbelo como #RRGGBB).</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Must do</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Checkpoint scores</source>
        <translation>Competencia evaluada</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrucciones</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>teacher-led lesson</source>
        <translation>clase con el docente</translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>lectura</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>práctica</translation>
    </message>
    <message>
        <source>discussion</source>
        <translation>debate</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>punto de control</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivada</translation>
    </message>
    <message>
        <source>must do</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>may do</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>variante</translation>
    </message>
    <message>
        <source>A version of “{title}” for some students: {rule}</source>
        <translation>Una versión de “{title}” para algunos estudiantes: {rule}</translation>
    </message>
    <message>
        <source>no rule yet</source>
        <translation>aún sin regla</translation>
    </message>
    <message>
        <source>Edit {what}</source>
        <translation>Editar {what}</translation>
    </message>
    <message>
        <source>Move item</source>
        <translation>Mover elemento</translation>
    </message>
    <message>
        <source>Playlist title</source>
        <translation>Título de la lista de actividades</translation>
    </message>
    <message>
        <source>Playlist description</source>
        <translation>Descripción de la lista de actividades</translation>
    </message>
    <message>
        <source>What it is for</source>
        <translation>Para qué sirve</translation>
    </message>
    <message>
        <source>Competencies this playlist targets</source>
        <translation>Competencias que trabaja esta lista de actividades</translation>
    </message>
    <message>
        <source>Items of the playlist</source>
        <translation>Elementos de la lista de actividades</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Agregar elemento</translation>
    </message>
    <message>
        <source>Add a version…</source>
        <translation>Agregar una versión…</translation>
    </message>
    <message>
        <source>A version of the selected item for some students (read-aloud, another language, an extension)</source>
        <translation>Una versión del elemento seleccionado para algunos estudiantes (lectura en voz alta, otro idioma, una ampliación)</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Quitar elemento</translation>
    </message>
    <message>
        <source>Keep a worksheet or a video with the item: it opens with no network</source>
        <translation>Guarda una hoja de trabajo o un video con el elemento: se abre sin red</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Drag items, or press Ctrl+Up / Ctrl+Down, to reorder</source>
        <translation>Arrastra los elementos, o presiona Ctrl+Arriba / Ctrl+Abajo, para reordenarlos</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>Competencias objetivo:</translation>
    </message>
    <message>
        <source>{status} · version {version}</source>
        <translation>{status} · versión {version}</translation>
    </message>
    <message>
        <source>Edit playlist title</source>
        <translation>Editar el título de la lista de actividades</translation>
    </message>
    <message>
        <source>Edit playlist description</source>
        <translation>Editar la descripción de la lista de actividades</translation>
    </message>
    <message>
        <source>Change target competencies</source>
        <translation>Cambiar las competencias objetivo</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nuevo elemento</translation>
    </message>
    <message>
        <source>Pick the item to make a version of.</source>
        <translation>Elige el elemento del que quieres hacer una versión.</translation>
    </message>
    <message>
        <source>version</source>
        <translation>versión</translation>
    </message>
    <message>
        <source>Add a version</source>
        <translation>Agregar una versión</translation>
    </message>
    <message>
        <source>Pick the item to attach a file to.</source>
        <translation>Elige el elemento al que quieres adjuntar un archivo.</translation>
    </message>
    <message>
        <source>Attach a file to the item</source>
        <translation>Adjuntar un archivo al elemento</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>That item has no file or link.</source>
        <translation>Ese elemento no tiene archivo ni enlace.</translation>
    </message>
    <message>
        <source>Suggested next steps</source>
        <translation>Próximos pasos sugeridos</translation>
    </message>
    <message>
        <source>Data meeting</source>
        <translation>Reunión de datos</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>E&amp;quipo:</translation>
    </message>
    <message>
        <source>Grade {grade} · {school}</source>
        <translation>Grado {grade} · {school}</translation>
    </message>
    <message>
        <source>When the team last met</source>
        <translation>Cuándo se reunió el equipo por última vez</translation>
    </message>
    <message>
        <source>&amp;Hold meeting now</source>
        <translation>&amp;Registrar reunión ahora</translation>
    </message>
    <message>
        <source>Record today's meeting and what is flagged now</source>
        <translation>Registrar la reunión de hoy y lo que está señalado ahora</translation>
    </message>
    <message>
        <source>R&amp;ules…</source>
        <translation>Re&amp;glas…</translation>
    </message>
    <message>
        <source>The school's early-warning rules</source>
        <translation>Las reglas de alerta temprana de la escuela</translation>
    </message>
    <message>
        <source>Students flagged, and why</source>
        <translation>Estudiantes señalados, y por qué</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Since last meeting</source>
        <translation>Desde la última reunión</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Señales</translation>
    </message>
    <message>
        <source>Which flags to show</source>
        <translation>Qué señales mostrar</translation>
    </message>
    <message>
        <source>Every flag</source>
        <translation>Todas las señales</translation>
    </message>
    <message>
        <source>New since the last meeting</source>
        <translation>Nuevas desde la última reunión</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>Who needs us</source>
        <translation>Quién nos necesita</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Meeting notes</source>
        <translation>Notas de la reunión</translation>
    </message>
    <message>
        <source>What the team said</source>
        <translation>Lo que dijo el equipo</translation>
    </message>
    <message>
        <source>Actions the team agreed</source>
        <translation>Acciones que acordó el equipo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Nueva acción</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>Qué se hará</translation>
    </message>
    <message>
        <source>About which student</source>
        <translation>Sobre qué estudiante</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Quién la hace</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Para cuándo</translation>
    </message>
    <message>
        <source>&amp;Add action</source>
        <translation>&amp;Agregar acción</translation>
    </message>
    <message>
        <source>Add the action</source>
        <translation>Agregar la acción</translation>
    </message>
    <message>
        <source>&amp;Remove action</source>
        <translation>Qui&amp;tar acción</translation>
    </message>
    <message>
        <source>Remove the selected action</source>
        <translation>Quitar la acción seleccionada</translation>
    </message>
    <message>
        <source>Actio&amp;n:</source>
        <translation>A&amp;cción:</translation>
    </message>
    <message>
        <source>&amp;Student:</source>
        <translation>&amp;Estudiante:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>Q&amp;uién:</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>No class on this laptop has students with a grade yet.</source>
        <translation>Ninguna clase de esta computadora tiene todavía estudiantes con grado.</translation>
    </message>
    <message>
        <source>The team has not met yet (evidence shown: the last 7 days).</source>
        <translation>El equipo todavía no se ha reunido (evidencias mostradas: los últimos 7 días).</translation>
    </message>
    <message>
        <source>Last met {date} ({days} days ago): changes are since then.</source>
        <translation>Última reunión: {date} (hace {days} días); los cambios son desde entonces.</translation>
    </message>
    <message>
        <source>Last met {date} (yesterday): changes are since then.</source>
        <translation>Última reunión: {date} (ayer); los cambios son desde entonces.</translation>
    </message>
    <message>
        <source>The whole team</source>
        <translation>Todo el equipo</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(nadie todavía)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>New: {why}</source>
        <translation>Nuevo: {why}</translation>
    </message>
    <message>
        <source>{shown} of {all} students flagged</source>
        <translation>{shown} de {all} estudiantes señalados</translation>
    </message>
    <message>
        <source>No longer flagged</source>
        <translation>Ya no señalados</translation>
    </message>
    <message>
        <source>{n} since the last meeting</source>
        <translation>{n} desde la última reunión</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (vencida)</translation>
    </message>
    <message>
        <source>whole team</source>
        <translation>todo el equipo</translation>
    </message>
    <message>
        <source>Meeting recorded: the next one shows what changed since today.</source>
        <translation>Reunión registrada: la próxima mostrará qué cambió desde hoy.</translation>
    </message>
    <message>
        <source>Type the action first: what will be done.</source>
        <translation>Escribe primero la acción: qué se hará.</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Playlist</source>
        <translation>Lista de actividades</translation>
    </message>
    <message>
        <source>Give the selected students their suggested playlist</source>
        <translation>Dar a los estudiantes seleccionados su lista de actividades sugerida</translation>
    </message>
    <message>
        <source>Suggestions come from the framework's “precedes” links and each student's mastery: ready = every prerequisite mastered. Pick rows and accept, or assign something else.</source>
        <translation>Las sugerencias salen de los vínculos “precede a” del marco y del dominio de cada estudiante: listo = todos los prerrequisitos dominados. Elige filas y acepta, o asigna otra cosa.</translation>
    </message>
    <message>
        <source>nothing to suggest (no framework, or everything mastered)</source>
        <translation>nada que sugerir (sin marco, o todo dominado)</translation>
    </message>
    <message>
        <source>No playlist targets those suggestions yet: build one on the Edit tab.</source>
        <translation>Ninguna lista de actividades trabaja esas sugerencias todavía: crea una en la pestaña Editar.</translation>
    </message>
    <message>
        <source>Assign the suggested playlist</source>
        <translation>Asignar la lista de actividades sugerida</translation>
    </message>
    <message>
        <source>Assigned the suggested playlist to {n} student.</source>
        <translation>Se asignó la lista de actividades sugerida a {n} estudiante.</translation>
    </message>
    <message>
        <source>Assigned the suggested playlist to {n} students.</source>
        <translation>Se asignó la lista de actividades sugerida a {n} estudiantes.</translation>
    </message>
    <message>
        <source>working</source>
        <translation>trabajando</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ hecho</translation>
    </message>
    <message>
        <source>! help</source>
        <translation>! ayuda</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>sin empezar</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>needs help</source>
        <translation>necesita ayuda</translation>
    </message>
    <message>
        <source>Assign “{title}”</source>
        <translation>Asignar “{title}”</translation>
    </message>
    <message>
        <source>The whole class</source>
        <translation>Toda la clase</translation>
    </message>
    <message>
        <source>A group</source>
        <translation>Un grupo</translation>
    </message>
    <message>
        <source>Some students</source>
        <translation>Algunos estudiantes</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Make a group of the selected students…</source>
        <translation>Formar un grupo con los estudiantes seleccionados…</translation>
    </message>
    <message>
        <source>Students to assign</source>
        <translation>Estudiantes a los que asignar</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Inicio:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Entrega:</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Nuevo grupo</translation>
    </message>
    <message>
        <source>Name of the group:</source>
        <translation>Nombre del grupo:</translation>
    </message>
    <message>
        <source>{number}. {title} (may)</source>
        <translation>{number}. {title} (opc.)</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>Progress grid</source>
        <translation>Cuadrícula de progreso</translation>
    </message>
    <message>
        <source>Playlists of the class</source>
        <translation>Listas de actividades de la clase</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nueva…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Nueva versión</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Asignar…</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Compartir…</translation>
    </message>
    <message>
        <source>Save the playlist as one file for a colleague (USB or the server)</source>
        <translation>Guarda la lista de actividades como un solo archivo para un colega (USB o el servidor)</translation>
    </message>
    <message>
        <source>Print sheets…</source>
        <translation>Imprimir hojas…</translation>
    </message>
    <message>
        <source>One page a student, a box to tick per item: for rooms without a device per student</source>
        <translation>Una página por estudiante, una casilla para marcar por elemento: para aulas sin un dispositivo por estudiante</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Open a playlist a colleague shared</source>
        <translation>Abre una lista de actividades que compartió un colega</translation>
    </message>
    <message>
        <source>Select cells and press n (not started), w (working), s (submitted), d (done) or h (needs help); a number scores a checkpoint. From paper sheets: type each ticked box's code and press Enter.</source>
        <translation>Selecciona celdas y presiona n (sin empezar), w (trabajando), s (entregado), d (hecho) o h (necesita ayuda); un número califica un punto de control. Desde las hojas en papel: escribe el código de cada casilla marcada y presiona Enter.</translation>
    </message>
    <message>
        <source>Code from a paper sheet, e.g. 3 a1b2</source>
        <translation>Código de una hoja en papel, p. ej. 3 a1b2</translation>
    </message>
    <message>
        <source>Sheet code</source>
        <translation>Código de la hoja</translation>
    </message>
    <message>
        <source>Class board</source>
        <translation>Tablero de la clase</translation>
    </message>
    <message>
        <source>Expected by today</source>
        <translation>Esperado para hoy</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Views of the playlist</source>
        <translation>Vistas de la lista de actividades</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>ready for “{title}”</source>
        <translation>listo para “{title}”</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>atrasado</translation>
    </message>
    <message>
        <source>Stuck ({n}): {names}</source>
        <translation>Atascados ({n}): {names}</translation>
    </message>
    <message>
        <source>Ready for a checkpoint ({n}): {names}</source>
        <translation>Listos para un punto de control ({n}): {names}</translation>
    </message>
    <message>
        <source>Done ({n}): {names}</source>
        <translation>Terminaron ({n}): {names}</translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation>Nueva lista de actividades</translation>
    </message>
    <message>
        <source>Copy playlist</source>
        <translation>Copiar la lista de actividades</translation>
    </message>
    <message>
        <source>Archive playlist</source>
        <translation>Archivar la lista de actividades</translation>
    </message>
    <message>
        <source>Assign playlist</source>
        <translation>Asignar la lista de actividades</translation>
    </message>
    <message>
        <source>Assigned. See it on the Progress and Class board tabs.</source>
        <translation>Asignada. Puedes verla en las pestañas Progreso y Tablero de la clase.</translation>
    </message>
    <message>
        <source>Mark progress</source>
        <translation>Marcar el progreso</translation>
    </message>
    <message>
        <source>Numbers score a checkpoint: select checkpoint cells.</source>
        <translation>Los números califican un punto de control: selecciona celdas de puntos de control.</translation>
    </message>
    <message>
        <source>Share the playlist</source>
        <translation>Compartir la lista de actividades</translation>
    </message>
    <message>
        <source>Playlist (*.plplaylist)</source>
        <translation>Lista de actividades (*.plplaylist)</translation>
    </message>
    <message>
        <source>Saved {name}: give it to a colleague.</source>
        <translation>Se guardó {name}: dáselo a un colega.</translation>
    </message>
    <message>
        <source>Import a shared playlist</source>
        <translation>Importar una lista de actividades compartida</translation>
    </message>
    <message>
        <source>{n} item</source>
        <translation>{n} elemento</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} elementos</translation>
    </message>
    <message>
        <source>{n} version for some students</source>
        <translation>{n} versión para algunos estudiantes</translation>
    </message>
    <message>
        <source>{n} versions for some students</source>
        <translation>{n} versiones para algunos estudiantes</translation>
    </message>
    <message>
        <source>{items} and {versions}</source>
        <translation>{items} y {versions}</translation>
    </message>
    <message>
        <source>Imported “{title}” as a draft: {what}; not on this laptop: {missing}.</source>
        <translation>Se importó “{title}” como borrador: {what}; no están en esta computadora: {missing}.</translation>
    </message>
    <message>
        <source>Imported “{title}” as a draft: {what}.</source>
        <translation>Se importó “{title}” como borrador: {what}.</translation>
    </message>
    <message>
        <source>Playlist not imported</source>
        <translation>No se importó la lista de actividades</translation>
    </message>
    <message>
        <source>{error}

Nothing was changed.</source>
        <translation>{error}

No se cambió nada.</translation>
    </message>
    <message>
        <source>Print playlist sheets</source>
        <translation>Imprimir las hojas de la lista de actividades</translation>
    </message>
    <message>
        <source>playlist sheets</source>
        <translation>hojas de la lista de actividades</translation>
    </message>
    <message>
        <source>Assign the playlist first: sheets are for the students who have it.</source>
        <translation>Asigna primero la lista de actividades: las hojas son para los estudiantes que la tienen.</translation>
    </message>
    <message>
        <source>{name}: {n} page, ready to print.</source>
        <translation>{name}: {n} página, lista para imprimir.</translation>
    </message>
    <message>
        <source>{name}: {n} pages, ready to print.</source>
        <translation>{name}: {n} páginas, listas para imprimir.</translation>
    </message>
    <message>
        <source>{code} is not a code on this playlist's sheets.</source>
        <translation>{code} no es un código de las hojas de esta lista de actividades.</translation>
    </message>
    <message>
        <source>Tick from a sheet</source>
        <translation>Marca desde una hoja</translation>
    </message>
    <message>
        <source>{name}: “{title}” done.</source>
        <translation>{name}: “{title}” hecho.</translation>
    </message>
    <message>
        <source>MUST DO</source>
        <translation>OBLIGATORIO</translation>
    </message>
    <message>
        <source>Ask your teacher what to do here.</source>
        <translation>Pregunta a tu docente qué hacer aquí.</translation>
    </message>
    <message>
        <source>My reflection: what did I learn, and what will I do next?</source>
        <translation>Mi reflexión: ¿qué aprendí y qué haré después?</translation>
    </message>
    <message>
        <source>Tick the box when you finish an item. Do the MUST DO items first.</source>
        <translation>Marca la casilla cuando termines un elemento. Haz primero los elementos OBLIGATORIOS.</translation>
    </message>
    <message>
        <source>Codes: the item number, then the first {n} characters of the student's id ({example} is item 3 for the student whose id starts a1b2). On a keyboard, type 3.a1b2 or 3 a1b2.</source>
        <translation>Códigos: el número del elemento y luego los primeros {n} caracteres del identificador del estudiante ({example} es el elemento 3 del estudiante cuyo identificador empieza por a1b2). En un teclado, escribe 3.a1b2 o 3 a1b2.</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>Nombre: {name}</translation>
    </message>
    <message>
        <source>Class: {name}</source>
        <translation>Clase: {name}</translation>
    </message>
    <message>
        <source>Due: {date}</source>
        <translation>Entrega: {date}</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>código {code}</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>página {page} de {pages}</translation>
    </message>
    <message>
        <source>Continued on page {page} →</source>
        <translation>Continúa en la página {page} →</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>The sheets could not be written to {folder}.</source>
        <translation>No se pudieron escribir las hojas en {folder}.</translation>
    </message>
    <message>
        <source>The sheets could not be finished.</source>
        <translation>No se pudieron terminar las hojas.</translation>
    </message>
    <message>
        <source>No student in this class has that playlist: assign it first.</source>
        <translation>Ningún estudiante de esta clase tiene esa lista de actividades: asígnala primero.</translation>
    </message>
    <message>
        <source>Students with an accommodation</source>
        <translation>Estudiantes con una adecuación</translation>
    </message>
    <message>
        <source>Students who speak a language</source>
        <translation>Estudiantes que hablan un idioma</translation>
    </message>
    <message>
        <source>Students at a level on the item's competency</source>
        <translation>Estudiantes en un nivel de la competencia del elemento</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source>A version of “{title}”</source>
        <translation>Una versión de “{title}”</translation>
    </message>
    <message>
        <source>read-aloud</source>
        <translation>lectura en voz alta</translation>
    </message>
    <message>
        <source>Name of this version</source>
        <translation>Nombre de esta versión</translation>
    </message>
    <message>
        <source>Title students see</source>
        <translation>Título que ven los estudiantes</translation>
    </message>
    <message>
        <source>Who it is for</source>
        <translation>Para quién es</translation>
    </message>
    <message>
        <source>Accommodation</source>
        <translation>Adecuación</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Welcome to plclassroom</source>
        <translation>Te damos la bienvenida a plclassroom</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to plclassroom&lt;/h2&gt;&lt;p&gt;Learner profiles, playlists, mastery, station rotations and conferences, on this computer, with or without a network. Three questions to begin.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Te damos la bienvenida a plclassroom&lt;/h2&gt;&lt;p&gt;Perfiles de estudiantes, listas de actividades, dominio, rotaciones por estaciones y conferencias, en esta computadora, con o sin red. Tres preguntas para empezar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Try the &amp;demo school (made-up students, to look around)</source>
        <translation>Probar la escuela de &amp;demostración (estudiantes inventados, para explorar)</translation>
    </message>
    <message>
        <source>Start with an &amp;empty school (then File &gt; Import roster)</source>
        <translation>Empezar con una escuela &amp;vacía (después Archivo &gt; Importar lista de clase)</translation>
    </message>
    <message>
        <source>Connect to my district's &amp;server (from your district: its address and a one-time code)</source>
        <translation>Conectar al &amp;servidor de mi distrito (tu distrito te da su dirección y un código de un solo uso)</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Dirección del se&amp;rvidor:</translation>
    </message>
    <message>
        <source>One-time &amp;code:</source>
        <translation>Código de un solo &amp;uso:</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <source>You can change the language in Edit &gt; Settings, and connect later in File &gt; Connect to district server.</source>
        <translation>Puedes cambiar el idioma en Editar &gt; Configuración y conectarte más tarde en Archivo &gt; Conectar al servidor del distrito.</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>&amp;Comenzar</translation>
    </message>
    <message>
        <source>To connect, type the server's address and the one-time code your district gave you, or choose another way to start.</source>
        <translation>Para conectarte, escribe la dirección del servidor y el código de un solo uso que te dio tu distrito, o elige otra forma de empezar.</translation>
    </message>
    <message>
        <source>From level</source>
        <translation>Desde el nivel</translation>
    </message>
    <message>
        <source>To level</source>
        <translation>Hasta el nivel</translation>
    </message>
    <message>
        <source>The main version is not for</source>
        <translation>La versión principal no es para</translation>
    </message>
    <message>
        <source>(nobody excluded)</source>
        <translation>(nadie excluido)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>Accommodation:</source>
        <translation>Adecuación:</translation>
    </message>
    <message>
        <source>From level:</source>
        <translation>Desde el nivel:</translation>
    </message>
    <message>
        <source>To level:</source>
        <translation>Hasta el nivel:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>District server address</source>
        <translation>Dirección del servidor del distrito</translation>
    </message>
    <message>
        <source>Sync by itself</source>
        <translation>Sincronizar automáticamente</translation>
    </message>
    <message>
        <source>District server</source>
        <translation>Servidor del distrito</translation>
    </message>
    <message>
        <source>A new address needs a one-time code from your district (File &gt; Connect to district server). The sign-in token is kept in this computer's keyring, never in settings.</source>
        <translation>Una dirección nueva necesita un código de un solo uso de tu distrito (Archivo &gt; Conectar al servidor del distrito). El token de inicio de sesión se guarda en el llavero de este equipo, nunca en la configuración.</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Dirección del servidor:</translation>
    </message>
    <message>
        <source>Sync by itself:</source>
        <translation>Sincronizar automáticamente:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Language and look</source>
        <translation>Idioma y apariencia</translation>
    </message>
    <message>
        <source>A new language applies at once: the window is rebuilt, and nothing you have typed is lost. "Follow the system" turns dark or high contrast when the computer does; View &gt; Larger text changes the size of all text.</source>
        <translation>Un idioma nuevo se aplica de inmediato: la ventana se vuelve a crear y no se pierde nada de lo que escribiste. "Seguir al sistema" pasa a oscuro o a alto contraste cuando la computadora lo hace; Ver &gt; Texto más grande cambia el tamaño de todo el texto.</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Calculation method for new classes</source>
        <translation>Método de cálculo para clases nuevas</translation>
    </message>
    <message>
        <source>New classes: your school's mastery defaults</source>
        <translation>Clases nuevas: valores de dominio predeterminados de tu escuela</translation>
    </message>
    <message>
        <source>A class a roster import brings to this laptop starts with these (on the 4-point scale). Each class can change its own in Class &gt; Mastery settings.</source>
        <translation>Una clase que llega a este equipo con una importación de lista de clase empieza con estos valores (en la escala de 4 puntos). Cada clase puede cambiar los suyos en Clase &gt; Configuración de dominio.</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Método:</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Empty: {folder}</source>
        <translation>Vacío: {folder}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Elegir la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Copias de seguridad que se conservan</translation>
    </message>
    <message>
        <source>Back up by itself</source>
        <translation>Copia de seguridad automática</translation>
    </message>
    <message>
        <source>While the app is open, a copy of the database goes to this folder.</source>
        <translation>Mientras la aplicación está abierta, una copia de la base de datos se guarda en esta carpeta.</translation>
    </message>
    <message>
        <source>Last backup: {when}.</source>
        <translation>Última copia de seguridad: {when}.</translation>
    </message>
    <message>
        <source>File &gt; Restore from backup puts one back.</source>
        <translation>Archivo &gt; Restaurar desde copia de seguridad recupera una.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Keep the newest:</source>
        <translation>Conservar las más recientes:</translation>
    </message>
    <message>
        <source>Back up by itself:</source>
        <translation>Copia de seguridad automática:</translation>
    </message>
    <message>
        <source>Lock the screen after this many idle minutes</source>
        <translation>Bloquear la pantalla tras estos minutos sin uso</translation>
    </message>
    <message>
        <source>Screen lock</source>
        <translation>Bloqueo de pantalla</translation>
    </message>
    <message>
        <source>The screen hides student data and asks for the app PIN after this long without keyboard or mouse; Ctrl+L locks it at once. The PIN is chosen in View &gt; Screen lock settings.</source>
        <translation>La pantalla oculta los datos de los estudiantes y pide el PIN de la aplicación tras este tiempo sin teclado ni ratón; Ctrl+L la bloquea de inmediato. El PIN se elige en Ver &gt; Ajustes del bloqueo de pantalla.</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problema con la configuración</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>Carpeta para las copias de seguridad</translation>
    </message>
    <message>
        <source>The server address starts with https:// (your district gives it to you).</source>
        <translation>La dirección del servidor empieza con https:// (te la da tu distrito).</translation>
    </message>
    <message>
        <source>Choose the backup folder with Choose… (a full path, such as a USB drive's folder).</source>
        <translation>Elige la carpeta de copias de seguridad con Elegir… (una ruta completa, como una carpeta de una memoria USB).</translation>
    </message>
    <message>
        <source>Backups cannot go to {folder}: {error}.</source>
        <translation>Las copias de seguridad no pueden ir a {folder}: {error}.</translation>
    </message>
    <message>
        <source>Backups cannot go to {folder}: this account may not write there.</source>
        <translation>Las copias de seguridad no pueden ir a {folder}: esta cuenta no puede escribir allí.</translation>
    </message>
    <message>
        <source>The school's mastery defaults were not applied: {error}</source>
        <translation>No se aplicaron los valores de dominio predeterminados de la escuela: {error}</translation>
    </message>
    <message>
        <source>Choose an app PIN (View &gt; Screen lock settings) so the screen lock guards student data when you step away.</source>
        <translation>Elige un PIN de la aplicación (Ver &gt; Ajustes del bloqueo de pantalla) para que el bloqueo de pantalla proteja los datos de los estudiantes cuando te alejes.</translation>
    </message>
    <message>
        <source>&amp;Student</source>
        <translation>Es&amp;tudiante</translation>
    </message>
    <message>
        <source>&amp;Export everything about this student…</source>
        <translation>&amp;Exportar todo sobre este estudiante…</translation>
    </message>
    <message>
        <source>&amp;Delete this student from this laptop…</source>
        <translation>&amp;Borrar a este estudiante de esta computadora…</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Bloquear la pantalla</translation>
    </message>
    <message>
        <source>Screen lock se&amp;ttings…</source>
        <translation>Ajus&amp;tes del bloqueo de pantalla…</translation>
    </message>
    <message>
        <source>Screen lock settings</source>
        <translation>Ajustes del bloqueo de pantalla</translation>
    </message>
    <message>
        <source>plclassroom hides student data after a while without use; the app PIN shows it again.</source>
        <translation>plclassroom oculta los datos de los estudiantes tras un rato sin uso; el PIN de la aplicación los vuelve a mostrar.</translation>
    </message>
    <message>
        <source>Minutes before locking</source>
        <translation>Minutos antes de bloquear</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Never by itself</source>
        <translation>Nunca por sí solo</translation>
    </message>
    <message>
        <source>Lock after:</source>
        <translation>Bloquear después de:</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>PIN actual</translation>
    </message>
    <message>
        <source>Current PIN:</source>
        <translation>PIN actual:</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <source>4 to 12 digits (empty: keep the PIN)</source>
        <translation>De 4 a 12 dígitos (vacío: conservar el PIN)</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>De 4 a 12 dígitos</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>PIN nuevo otra vez</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>PIN nuevo:</translation>
    </message>
    <message>
        <source>App PIN:</source>
        <translation>PIN de la aplicación:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Otra vez:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>The current PIN is not right: the PIN was not changed.</source>
        <translation>El PIN actual no es correcto: el PIN no se cambió.</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>Los dos PIN no coinciden: escribe el mismo PIN dos veces.</translation>
    </message>
    <message>
        <source>their person record</source>
        <translation>su registro de persona</translation>
    </message>
    <message>
        <source>{n} change about {name} not yet sent to the district will not be sent.</source>
        <translation>{n} cambio sobre {name} que aún no se envió al distrito no se enviará.</translation>
    </message>
    <message>
        <source>{n} changes about {name} not yet sent to the district will not be sent.</source>
        <translation>{n} cambios sobre {name} que aún no se enviaron al distrito no se enviarán.</translation>
    </message>
    <message>
        <source>Delete {name} from this laptop?</source>
        <translation>¿Borrar a {name} de esta computadora?</translation>
    </message>
    <message>
        <source>This removes for good, from this laptop only: {what}; their guardians' details unless another student here has them too; and files attached to any of these.</source>
        <translation>Esto elimina para siempre, solo de esta computadora: {what}; los datos de sus tutores legales, salvo que otro estudiante de aquí también los tenga; y los archivos adjuntos a cualquiera de estos.</translation>
    </message>
    <message>
        <source>The district keeps its own record of {name}: ask the district to act on the family's request too. This laptop will not take {name} back from the district in a later sync. Copies made before (backups, exports) are not changed. This cannot be undone.</source>
        <translation>El distrito conserva su propio registro de {name}: pide al distrito que también atienda la solicitud de la familia. Esta computadora no volverá a recibir a {name} del distrito en una sincronización posterior. Las copias hechas antes (respaldos, exportaciones) no cambian. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>{n} record</source>
        <translation>{n} registro</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n} registros</translation>
    </message>
    <message>
        <source>{n} file</source>
        <translation>{n} archivo</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <source>Pick a student first.</source>
        <translation>Elige un estudiante primero.</translation>
    </message>
    <message>
        <source>{name} - plclassroom records {date}.zip</source>
        <translation>{name} - registros de plclassroom {date}.zip</translation>
    </message>
    <message>
        <source>Export everything about this student</source>
        <translation>Exportar todo sobre este estudiante</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Archivos zip (*.zip)</translation>
    </message>
    <message>
        <source>Wrote {file}: everything about {name} ({counts}); {withheld} the school decides on were left out (its summary says which).</source>
        <translation>Se escribió {file}: todo sobre {name} ({counts}); se dejaron fuera {withheld} que decide la escuela (su resumen dice cuáles).</translation>
    </message>
    <message>
        <source>Wrote {file}: everything about {name} ({counts}).</source>
        <translation>Se escribió {file}: todo sobre {name} ({counts}).</translation>
    </message>
    <message>
        <source>Exporting everything about {name}…</source>
        <translation>Exportando todo sobre {name}…</translation>
    </message>
    <message>
        <source>Deleting {name} from this laptop…</source>
        <translation>Borrando a {name} de esta computadora…</translation>
    </message>
    <message>
        <source>{name} was deleted from this laptop ({counts}).</source>
        <translation>{name} se borró de esta computadora ({counts}).</translation>
    </message>
    <message>
        <source>Ask the district to act on the family's request too.</source>
        <translation>Pide al distrito que también atienda la solicitud de la familia.</translation>
    </message>
    <message>
        <source>The database file could not be compacted just now: its free space may hold traces until the next deletion.</source>
        <translation>El archivo de la base de datos no se pudo compactar en este momento: su espacio libre puede conservar rastros hasta el próximo borrado.</translation>
    </message>
    <message>
        <source>Delete this student from this laptop</source>
        <translation>Borrar a este estudiante de esta computadora</translation>
    </message>
    <message>
        <source>Delete from this laptop</source>
        <translation>Borrar de esta computadora</translation>
    </message>
    <message>
        <source>Stopped: {error}. Nothing was changed.</source>
        <translation>Detenido: {error}. No se cambió nada.</translation>
    </message>
    <message>
        <source>plclassroom (locked)</source>
        <translation>plclassroom (bloqueado)</translation>
    </message>
    <message>
        <source>Wait {seconds} s before the next try.</source>
        <translation>Espera {seconds} s antes del siguiente intento.</translation>
    </message>
    <message>
        <source>That is not the PIN.</source>
        <translation>Ese no es el PIN.</translation>
    </message>
    <message>
        <source>plclassroom is locked</source>
        <translation>plclassroom está bloqueado</translation>
    </message>
    <message>
        <source>Student data is hidden until the app PIN is entered.</source>
        <translation>Los datos de los estudiantes están ocultos hasta que se escriba el PIN de la aplicación.</translation>
    </message>
    <message>
        <source>Unlock plclassroom in its main window.</source>
        <translation>Desbloquea plclassroom en su ventana principal.</translation>
    </message>
    <message>
        <source>Choose an app PIN (4 to 12 digits) for plclassroom on this laptop. You will type it to unlock
the app when it locks after a while without use, or when you lock it (Ctrl+L).</source>
        <translation>Elige un PIN de la aplicación (de 4 a 12 dígitos) para plclassroom en esta computadora. Lo escribirás para desbloquear
la aplicación cuando se bloquee tras un rato sin uso, o cuando la bloquees tú (Ctrl+L).</translation>
    </message>
    <message>
        <source>Type the app PIN to show student data again.</source>
        <translation>Escribe el PIN de la aplicación para volver a mostrar los datos de los estudiantes.</translation>
    </message>
    <message>
        <source>App PIN</source>
        <translation>PIN de la aplicación</translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation>El PIN otra vez</translation>
    </message>
    <message>
        <source>Lock message</source>
        <translation>Mensaje del bloqueo</translation>
    </message>
    <message>
        <source>Quit plclassroom</source>
        <translation>Salir de plclassroom</translation>
    </message>
    <message>
        <source>Choose PIN and unlock</source>
        <translation>Elegir PIN y desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>Un PIN tiene de 4 a 12 dígitos.</translation>
    </message>
    <message>
        <source>academic</source>
        <translation>académica</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>met</source>
        <translation>cumplida</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>revisada</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>descartada</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>confidencial</translation>
    </message>
    <message>
        <source>shareable</source>
        <translation>compartible</translation>
    </message>
    <message>
        <source>Mastery in this class</source>
        <translation>Dominio en esta clase</translation>
    </message>
    <message>
        <source>The student's levels</source>
        <translation>Los niveles del estudiante</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Evidence recorded.</source>
        <translation>Evidencia registrada.</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Fortalezas</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Necesidades</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Aspirations</source>
        <translation>Aspiraciones</translation>
    </message>
    <message>
        <source>Learning preferences</source>
        <translation>Preferencias de aprendizaje</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>What this student does well, as a learner and as a person</source>
        <translation>Lo que este estudiante hace bien, como aprendiz y como persona</translation>
    </message>
    <message>
        <source>Where this student needs support or practice</source>
        <translation>Dónde necesita apoyo o práctica este estudiante</translation>
    </message>
    <message>
        <source>What they care about outside class: hooks for learning</source>
        <translation>Lo que le importa fuera de clase: ganchos para aprender</translation>
    </message>
    <message>
        <source>What they hope to do or become</source>
        <translation>Lo que espera hacer o llegar a ser</translation>
    </message>
    <message>
        <source>How they learn best</source>
        <translation>Cómo aprende mejor</translation>
    </message>
    <message>
        <source>Languages spoken, home language first</source>
        <translation>Idiomas que habla, primero el de casa</translation>
    </message>
    <message>
        <source>Anything else the next teacher should know</source>
        <translation>Cualquier otra cosa que el próximo docente deba saber</translation>
    </message>
    <message>
        <source>Goal (student's words)</source>
        <translation>Meta (en palabras del estudiante)</translation>
    </message>
    <message>
        <source>Measure of success</source>
        <translation>Medida de éxito</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha objetivo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Pick a student in the roster to see their learner profile.</source>
        <translation>Elige un estudiante en la lista de clase para ver su perfil del estudiante.</translation>
    </message>
    <message>
        <source>Accommodations (IEP, 504, ELL…)</source>
        <translation>Adecuaciones (IEP, 504, ELL…)</translation>
    </message>
    <message>
        <source>Link the goal to competencies…</source>
        <translation>Vincular la meta con competencias…</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Conferences (private notes show only to their author, on the Conferences tab)</source>
        <translation>Conferencias (las notas privadas solo las ve su autor, en la pestaña Conferencias)</translation>
    </message>
    <message>
        <source>Note for the advisor…</source>
        <translation>Nota para el tutor…</translation>
    </message>
    <message>
        <source>Flag a concern…</source>
        <translation>Señalar una preocupación…</translation>
    </message>
    <message>
        <source>The student's advisor sees it in their caseload, to raise at the next conference</source>
        <translation>El tutor del estudiante lo ve en su lista de tutorados, para tratarlo en la próxima conferencia</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Agregar meta</translation>
    </message>
    <message>
        <source>Add accommodation</source>
        <translation>Agregar adecuación</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Quitar meta</translation>
    </message>
    <message>
        <source>Remove accommodation</source>
        <translation>Quitar adecuación</translation>
    </message>
    <message>
        <source>Grade {grade} · Student ID {identifier}</source>
        <translation>Grado {grade} · ID de estudiante {identifier}</translation>
    </message>
    <message>
        <source>{date}  {kind} with {author}: {notes}</source>
        <translation>{date}  {kind} con {author}: {notes}</translation>
    </message>
    <message>
        <source>Pick a goal (and a class with a framework) first.</source>
        <translation>Elige una meta (y una clase con marco de competencias) primero.</translation>
    </message>
    <message>
        <source>Competencies this goal is about</source>
        <translation>Competencias de esta meta</translation>
    </message>
    <message>
        <source>Link goal to competencies</source>
        <translation>Vincular meta con competencias</translation>
    </message>
    <message>
        <source>Flag a concern</source>
        <translation>Señalar una preocupación</translation>
    </message>
    <message>
        <source>Note for the advisor</source>
        <translation>Nota para el tutor</translation>
    </message>
    <message>
        <source>What should the advisor know or raise?</source>
        <translation>¿Qué debería saber o tratar el tutor?</translation>
    </message>
    <message>
        <source>The advisor will see it in their caseload.</source>
        <translation>El tutor lo verá en su lista de tutorados.</translation>
    </message>
    <message>
        <source>Select a goal to remove first.</source>
        <translation>Selecciona primero la meta que quieres quitar.</translation>
    </message>
    <message>
        <source>Select an accommodation to remove first.</source>
        <translation>Selecciona primero la adecuación que quieres quitar.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>Apoyos</translation>
    </message>
    <message>
        <source>Active goals</source>
        <translation>Metas activas</translation>
    </message>
    <message>
        <source>Has accommodations on file: see the learner profile</source>
        <translation>Tiene adecuaciones registradas: consulta el perfil del estudiante</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Search students (Ctrl+F)</source>
        <translation>Buscar estudiantes (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search students</source>
        <translation>Buscar estudiantes</translation>
    </message>
    <message>
        <source>Students in the class</source>
        <translation>Estudiantes de la clase</translation>
    </message>
    <message>
        <source>Cl&amp;ass</source>
        <translation>Cla&amp;se</translation>
    </message>
    <message>
        <source>{shown} of {total} student</source>
        <translation>{shown} de {total} estudiante</translation>
    </message>
    <message>
        <source>{shown} of {total} students</source>
        <translation>{shown} de {total} estudiantes</translation>
    </message>
    <message>
        <source>Space pause  ·  → next  ·  ← back</source>
        <translation>Espacio pausa  ·  → siguiente  ·  ← atrás</translation>
    </message>
    <message>
        <source>Space start</source>
        <translation>Espacio iniciar</translation>
    </message>
    <message>
        <source>← back  ·  R start over</source>
        <translation>← atrás  ·  R empezar de nuevo</translation>
    </message>
    <message>
        <source>Space go on  ·  → next  ·  ← back  ·  R start over</source>
        <translation>Espacio continuar  ·  → siguiente  ·  ← atrás  ·  R empezar de nuevo</translation>
    </message>
    <message>
        <source>F full screen  ·  Esc leave</source>
        <translation>F pantalla completa  ·  Esc salir</translation>
    </message>
    <message>
        <source>Rotation group: its members, its station now and its next station</source>
        <translation>Grupo de rotación: sus integrantes, su estación actual y su próxima estación</translation>
    </message>
    <message>
        <source>{group} colour</source>
        <translation>Color de {group}</translation>
    </message>
    <message>
        <source>Group name: {group}</source>
        <translation>Nombre del grupo: {group}</translation>
    </message>
    <message>
        <source>{group} members: {members}</source>
        <translation>Integrantes de {group}: {members}</translation>
    </message>
    <message>
        <source>{group} station: {station}</source>
        <translation>Estación de {group}: {station}</translation>
    </message>
    <message>
        <source>{group} activity: {activity}</source>
        <translation>Actividad de {group}: {activity}</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>+{n} más</translation>
    </message>
    <message>
        <source>(no members yet)</source>
        <translation>(todavía sin integrantes)</translation>
    </message>
    <message>
        <source>Rotation board: {class_title} · {plan}</source>
        <translation>Tablero de rotación: {class_title} · {plan}</translation>
    </message>
    <message>
        <source>Rotation board</source>
        <translation>Tablero de rotación</translation>
    </message>
    <message>
        <source>This day has no rotation blocks yet.</source>
        <translation>Este día todavía no tiene bloques de rotación.</translation>
    </message>
    <message>
        <source>Set the blocks in the rotation plan, then open the board again.</source>
        <translation>Define los bloques en el plan de rotación y luego vuelve a abrir el tablero.</translation>
    </message>
    <message>
        <source>This day has no groups yet.</source>
        <translation>Este día todavía no tiene grupos.</translation>
    </message>
    <message>
        <source>Make the groups in the rotation plan, then open the board again.</source>
        <translation>Arma los grupos en el plan de rotación y luego vuelve a abrir el tablero.</translation>
    </message>
    <message>
        <source>Class and plan</source>
        <translation>Clase y plan</translation>
    </message>
    <message>
        <source>Class and plan: {text}</source>
        <translation>Clase y plan: {text}</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotación</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Message: {text}</source>
        <translation>Mensaje: {text}</translation>
    </message>
    <message>
        <source>No station set</source>
        <translation>Sin estación asignada</translation>
    </message>
    <message>
        <source>Time left: {time}</source>
        <translation>Tiempo restante: {time}</translation>
    </message>
    <message>
        <source>Rotation: {status}</source>
        <translation>Rotación: {status}</translation>
    </message>
    <message>
        <source>Keys: {keys}</source>
        <translation>Teclas: {keys}</translation>
    </message>
    <message>
        <source>Not started: press Space to start</source>
        <translation>Sin empezar: presiona Espacio para iniciar</translation>
    </message>
    <message>
        <source>Done: all rotations finished</source>
        <translation>Listo: terminaron todas las rotaciones</translation>
    </message>
    <message>
        <source>Transition: move to your next station</source>
        <translation>Transición: pasa a tu próxima estación</translation>
    </message>
    <message>
        <source>Rotation {block} of {count}</source>
        <translation>Rotación {block} de {count}</translation>
    </message>
    <message>
        <source>Paused  ·  {status}</source>
        <translation>En pausa  ·  {status}</translation>
    </message>
    <message>
        <source>All done</source>
        <translation>Todo listo</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Pasa a</translation>
    </message>
    <message>
        <source>from {station}</source>
        <translation>desde {station}</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Primero</translation>
    </message>
    <message>
        <source>Last rotation</source>
        <translation>Última rotación</translation>
    </message>
    <message>
        <source>Next: {station}</source>
        <translation>Siguiente: {station}</translation>
    </message>
    <message>
        <source>Similar levels together (for teacher-led work)</source>
        <translation>Niveles similares juntos (para trabajo dirigido por el docente)</translation>
    </message>
    <message>
        <source>A mix of levels in every group (for collaboration)</source>
        <translation>Niveles mezclados en cada grupo (para colaborar)</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Adulto</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoria</translation>
    </message>
    <message>
        <source>teacher-led</source>
        <translation>dirigida por el docente</translation>
    </message>
    <message>
        <source>independent online</source>
        <translation>independiente en línea</translation>
    </message>
    <message>
        <source>independent practice</source>
        <translation>práctica independiente</translation>
    </message>
    <message>
        <source>collaborative</source>
        <translation>colaborativa</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>evaluación</translation>
    </message>
    <message>
        <source>with the teacher</source>
        <translation>con el docente</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>docente</translation>
    </message>
    <message>
        <source>aide</source>
        <translation>asistente</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Change station name</source>
        <translation>Cambiar el nombre de la estación</translation>
    </message>
    <message>
        <source>Change station kind</source>
        <translation>Cambiar el tipo de la estación</translation>
    </message>
    <message>
        <source>Change station adult</source>
        <translation>Cambiar el adulto de la estación</translation>
    </message>
    <message>
        <source>Change station capacity</source>
        <translation>Cambiar la capacidad de la estación</translation>
    </message>
    <message>
        <source>Change station devices</source>
        <translation>Cambiar los dispositivos de la estación</translation>
    </message>
    <message>
        <source>Change station activity</source>
        <translation>Cambiar la actividad de la estación</translation>
    </message>
    <message>
        <source>Change station playlist</source>
        <translation>Cambiar la lista de actividades de la estación</translation>
    </message>
    <message>
        <source>Change station required</source>
        <translation>Cambiar si la estación es obligatoria</translation>
    </message>
    <message>
        <source>Members of {group}</source>
        <translation>Integrantes de {group}</translation>
    </message>
    <message>
        <source>Move to {group}</source>
        <translation>Mover a {group}</translation>
    </message>
    <message>
        <source>Rotation plan</source>
        <translation>Plan de rotación</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Día:</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>Nuevo plan…</translation>
    </message>
    <message>
        <source>Copy to next week</source>
        <translation>Copiar a la próxima semana</translation>
    </message>
    <message>
        <source>Week…</source>
        <translation>Semana…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historial…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>The full-screen classroom board for the projector: Space starts</source>
        <translation>El tablero de la clase a pantalla completa para el proyector: Espacio inicia</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Tiempos</translation>
    </message>
    <message>
        <source>Timing…</source>
        <translation>Tiempos…</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Estaciones</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Save set…</source>
        <translation>Guardar conjunto…</translation>
    </message>
    <message>
        <source>Use set…</source>
        <translation>Usar conjunto…</translation>
    </message>
    <message>
        <source>Group on competency</source>
        <translation>Agrupar según la competencia</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Agrupamiento</translation>
    </message>
    <message>
        <source>Build groups</source>
        <translation>Armar grupos</translation>
    </message>
    <message>
        <source>Groups from the latest mastery and your rules, from this day on; earlier days keep theirs</source>
        <translation>Grupos según el dominio más reciente y tus reglas, desde este día en adelante; los días anteriores conservan los suyos</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>Reglas…</translation>
    </message>
    <message>
        <source>Who is away…</source>
        <translation>Quién falta…</translation>
    </message>
    <message>
        <source>Group on:</source>
        <translation>Agrupar según:</translation>
    </message>
    <message>
        <source>Make:</source>
        <translation>Formar:</translation>
    </message>
    <message>
        <source>Rules not met</source>
        <translation>Reglas no cumplidas</translation>
    </message>
    <message>
        <source>Grouping result</source>
        <translation>Resultado del agrupamiento</translation>
    </message>
    <message>
        <source>Drag a student to another group, or right-click to move them. Ctrl+Z undoes.</source>
        <translation>Arrastra a un estudiante a otro grupo o haz clic derecho para moverlo. Ctrl+Z deshace.</translation>
    </message>
    <message>
        <source>Who is where in each block</source>
        <translation>Quién está dónde en cada bloque</translation>
    </message>
    <message>
        <source>The day: who is where</source>
        <translation>El día: quién está dónde</translation>
    </message>
    <message>
        <source>Double-click a cell, or press Enter on it, to send another group there: the two groups swap</source>
        <translation>Haz doble clic en una celda, o presiona Enter sobre ella, para enviar otro grupo allí: los dos grupos se intercambian</translation>
    </message>
    <message>
        <source>No rotation plan for this class yet. Press “New plan…” to make one.</source>
        <translation>Esta clase todavía no tiene un plan de rotación. Presiona “Nuevo plan…” para crear uno.</translation>
    </message>
    <message>
        <source>(no competency: balance sizes only)</source>
        <translation>(sin competencia: solo equilibrar tamaños)</translation>
    </message>
    <message>
        <source>no start time</source>
        <translation>sin hora de inicio</translation>
    </message>
    <message>
        <source>{count} rotations x {minutes} min, {transition} min to move, in {period} min; {start}</source>
        <translation>{count} rotaciones x {minutes} min, {transition} min para moverse, en {period} min; {start}</translation>
    </message>
    <message>
        <source>{column} at {station}</source>
        <translation>{column} en {station}</translation>
    </message>
    <message>
        <source>Playlist at {station}</source>
        <translation>Lista de actividades en {station}</translation>
    </message>
    <message>
        <source>Level mix of {group}</source>
        <translation>Mezcla de niveles de {group}</translation>
    </message>
    <message>
        <source>{name} (away)</source>
        <translation>{name} (ausente)</translation>
    </message>
    <message>
        <source>No groups yet: pick a competency and press “Build groups”.</source>
        <translation>Todavía no hay grupos: elige una competencia y presiona “Armar grupos”.</translation>
    </message>
    <message>
        <source>All your rules are met.</source>
        <translation>Se cumplen todas tus reglas.</translation>
    </message>
    <message>
        <source>Rules not met:</source>
        <translation>Reglas no cumplidas:</translation>
    </message>
    <message>
        <source>Block {number}</source>
        <translation>Bloque {number}</translation>
    </message>
    <message>
        <source>New rotation plan</source>
        <translation>Nuevo plan de rotación</translation>
    </message>
    <message>
        <source>Copy plan to next week</source>
        <translation>Copiar el plan a la próxima semana</translation>
    </message>
    <message>
        <source>Copied to next week, with its stations, groups and rotation.</source>
        <translation>Copiado a la próxima semana, con sus estaciones, grupos y rotación.</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>Cambiar el plan</translation>
    </message>
    <message>
        <source>A station's capacity is a whole number.</source>
        <translation>La capacidad de una estación es un número entero.</translation>
    </message>
    <message>
        <source>A station's devices is a whole number.</source>
        <translation>La cantidad de dispositivos de una estación es un número entero.</translation>
    </message>
    <message>
        <source>Add station</source>
        <translation>Agregar estación</translation>
    </message>
    <message>
        <source>Remove station</source>
        <translation>Quitar estación</translation>
    </message>
    <message>
        <source>Save station set</source>
        <translation>Guardar conjunto de estaciones</translation>
    </message>
    <message>
        <source>Name of the set:</source>
        <translation>Nombre del conjunto:</translation>
    </message>
    <message>
        <source>Saved the stations as “{name}”.</source>
        <translation>Se guardaron las estaciones como “{name}”.</translation>
    </message>
    <message>
        <source>No station set saved yet: press “Save set…” on a plan first.</source>
        <translation>Todavía no hay conjuntos de estaciones guardados: primero presiona “Guardar conjunto…” en un plan.</translation>
    </message>
    <message>
        <source>{name} ({n} stations)</source>
        <translation>{name} ({n} estaciones)</translation>
    </message>
    <message>
        <source>Use a station set</source>
        <translation>Usar un conjunto de estaciones</translation>
    </message>
    <message>
        <source>Station set:</source>
        <translation>Conjunto de estaciones:</translation>
    </message>
    <message>
        <source>Use station set</source>
        <translation>Usar conjunto de estaciones</translation>
    </message>
    <message>
        <source>{n} groups; the best grouping (proven).</source>
        <translation>{n} grupos; el mejor agrupamiento (comprobado).</translation>
    </message>
    <message>
        <source>{n} groups; within {gap}% of the best possible.</source>
        <translation>{n} grupos; a menos del {gap} % del mejor posible.</translation>
    </message>
    <message>
        <source>{n} groups; some rules could not all be met (below).</source>
        <translation>{n} grupos; no se pudieron cumplir todas las reglas (abajo).</translation>
    </message>
    <message>
        <source>Away today, placed in a group for when they are back: {names}.</source>
        <translation>Ausentes hoy, ubicados en un grupo para cuando regresen: {names}.</translation>
    </message>
    <message>
        <source>{n} moved: {moves}</source>
        <translation>Cambios de grupo ({n}): {moves}</translation>
    </message>
    <message>
        <source>Nobody moved.</source>
        <translation>Nadie cambió de grupo.</translation>
    </message>
    <message>
        <source>Could not be met: {problems}</source>
        <translation>No se pudo cumplir: {problems}</translation>
    </message>
    <message>
        <source>Move student</source>
        <translation>Mover estudiante</translation>
    </message>
    <message>
        <source>Move students</source>
        <translation>Mover estudiantes</translation>
    </message>
    <message>
        <source>Mark away</source>
        <translation>Marcar ausente</translation>
    </message>
    <message>
        <source>Mark back</source>
        <translation>Marcar presente</translation>
    </message>
    <message>
        <source>Change the rotation</source>
        <translation>Cambiar la rotación</translation>
    </message>
    <message>
        <source>Which group is at {station} in block {block}?</source>
        <translation>¿Qué grupo está en {station} en el bloque {block}?</translation>
    </message>
    <message>
        <source>Change rotation</source>
        <translation>Cambiar rotación</translation>
    </message>
    <message>
        <source>Group cards…</source>
        <translation>Tarjetas de grupo…</translation>
    </message>
    <message>
        <source>Station signs…</source>
        <translation>Carteles de estación…</translation>
    </message>
    <message>
        <source>The day's plan…</source>
        <translation>El plan del día…</translation>
    </message>
    <message>
        <source>Station rotation</source>
        <translation>Rotación por estaciones</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>First block starts</source>
        <translation>Inicio del primer bloque</translation>
    </message>
    <message>
        <source>Stations from the template (rename them after)</source>
        <translation>Estaciones de la plantilla (cámbiales el nombre después)</translation>
    </message>
    <message>
        <source>Saved set: {name} ({n} stations)</source>
        <translation>Conjunto guardado: {name} ({n} estaciones)</translation>
    </message>
    <message>
        <source>First day:</source>
        <translation>Primer día:</translation>
    </message>
    <message>
        <source>Last day:</source>
        <translation>Último día:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Plantilla:</translation>
    </message>
    <message>
        <source>First block starts:</source>
        <translation>Inicio del primer bloque:</translation>
    </message>
    <message>
        <source>Stations:</source>
        <translation>Estaciones:</translation>
    </message>
    <message>
        <source>First block starts at</source>
        <translation>El primer bloque empieza a las</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Período:</translation>
    </message>
    <message>
        <source>Rotations:</source>
        <translation>Rotaciones:</translation>
    </message>
    <message>
        <source>Each:</source>
        <translation>Cada una:</translation>
    </message>
    <message>
        <source>To move between stations:</source>
        <translation>Para moverse entre estaciones:</translation>
    </message>
    <message>
        <source>Rules for the groups</source>
        <translation>Reglas para los grupos</translation>
    </message>
    <message>
        <source>one a station</source>
        <translation>uno por estación</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Kept apart</source>
        <translation>Separados</translation>
    </message>
    <message>
        <source>Kept together</source>
        <translation>Juntos</translation>
    </message>
    <message>
        <source>First student</source>
        <translation>Primer estudiante</translation>
    </message>
    <message>
        <source>Second student</source>
        <translation>Segundo estudiante</translation>
    </message>
    <message>
        <source>Keep apart</source>
        <translation>Separar</translation>
    </message>
    <message>
        <source>Keep together</source>
        <translation>Mantener juntos</translation>
    </message>
    <message>
        <source>Remove pair</source>
        <translation>Quitar pareja</translation>
    </message>
    <message>
        <source>Who needs an adult</source>
        <translation>Quién necesita un adulto</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Grupos:</translation>
    </message>
    <message>
        <source>No group over:</source>
        <translation>Ningún grupo de más de:</translation>
    </message>
    <message>
        <source>Station capacities and the devices at an online station also cap a group.</source>
        <translation>La capacidad de las estaciones y los dispositivos de una estación en línea también limitan el tamaño de un grupo.</translation>
    </message>
    <message>
        <source>Kept apart:</source>
        <translation>Separados:</translation>
    </message>
    <message>
        <source>Kept together:</source>
        <translation>Juntos:</translation>
    </message>
    <message>
        <source>Need the aide (together, at the aide's station):</source>
        <translation>Necesitan al asistente (juntos, en la estación del asistente):</translation>
    </message>
    <message>
        <source>Who is away on {day}</source>
        <translation>Quién falta el {day}</translation>
    </message>
    <message>
        <source>Students away</source>
        <translation>Estudiantes ausentes</translation>
    </message>
    <message>
        <source>Tick the students who are away.</source>
        <translation>Marca a los estudiantes que faltan.</translation>
    </message>
    <message>
        <source>They are left out of the day's groups, the board and the cards.</source>
        <translation>Quedan fuera de los grupos del día, del tablero y de las tarjetas.</translation>
    </message>
    <message>
        <source>The week's rotations</source>
        <translation>Las rotaciones de la semana</translation>
    </message>
    <message>
        <source>Week of rotations</source>
        <translation>Semana de rotaciones</translation>
    </message>
    <message>
        <source>{groups} groups, {stations} stations</source>
        <translation>{groups} grupos, {stations} estaciones</translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation>Semana del {day}</translation>
    </message>
    <message>
        <source>Time at the stations</source>
        <translation>Tiempo en las estaciones</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Minutes per student</source>
        <translation>Minutos por estudiante</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>group cards</source>
        <translation>tarjetas de grupo</translation>
    </message>
    <message>
        <source>station signs</source>
        <translation>carteles de estación</translation>
    </message>
    <message>
        <source>rotation plan</source>
        <translation>plan de rotación</translation>
    </message>
    <message>
        <source>With the teacher</source>
        <translation>Con el docente</translation>
    </message>
    <message>
        <source>With an aide</source>
        <translation>Con un asistente</translation>
    </message>
    <message>
        <source>No adult here: work on your own</source>
        <translation>Sin adulto aquí: trabaja por tu cuenta</translation>
    </message>
    <message>
        <source>Teacher-led station</source>
        <translation>Estación dirigida por el docente</translation>
    </message>
    <message>
        <source>Independent online station</source>
        <translation>Estación independiente en línea</translation>
    </message>
    <message>
        <source>Independent practice station</source>
        <translation>Estación de práctica independiente</translation>
    </message>
    <message>
        <source>Collaborative station</source>
        <translation>Estación colaborativa</translation>
    </message>
    <message>
        <source>Project station</source>
        <translation>Estación de proyecto</translation>
    </message>
    <message>
        <source>Assessment station</source>
        <translation>Estación de evaluación</translation>
    </message>
    <message>
        <source>{kind} station</source>
        <translation>Estación: {kind}</translation>
    </message>
    <message>
        <source>Up to {n} students</source>
        <translation>Hasta {n} estudiantes</translation>
    </message>
    <message>
        <source>{n} device</source>
        <translation>{n} dispositivo</translation>
    </message>
    <message>
        <source>{n} devices</source>
        <translation>{n} dispositivos</translation>
    </message>
    <message>
        <source>There is nothing called {what} to print: choose {kinds}.</source>
        <translation>No hay nada llamado {what} para imprimir: elige {kinds}.</translation>
    </message>
    <message>
        <source>This rotation has no groups yet: make the groups, then print.</source>
        <translation>Esta rotación todavía no tiene grupos: arma los grupos y luego imprime.</translation>
    </message>
    <message>
        <source>This rotation has no stations yet: add the stations, then print.</source>
        <translation>Esta rotación todavía no tiene estaciones: agrega las estaciones y luego imprime.</translation>
    </message>
    <message>
        <source>This rotation has no blocks yet: set the blocks of the day, then print.</source>
        <translation>Esta rotación todavía no tiene bloques: define los bloques del día y luego imprime.</translation>
    </message>
    <message>
        <source>The {what} have {pages} page, not a page {page}.</source>
        <translation>Hay {pages} página de {what}, no una página {page}.</translation>
    </message>
    <message>
        <source>The {what} have {pages} pages, not a page {page}.</source>
        <translation>Hay {pages} páginas de {what}, no una página {page}.</translation>
    </message>
    <message>
        <source>+ {n} more</source>
        <translation>+ {n} más</translation>
    </message>
    <message>
        <source>Members ({n})</source>
        <translation>Integrantes ({n})</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Integrantes</translation>
    </message>
    <message>
        <source>No one yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <source>Our route today</source>
        <translation>Nuestra ruta de hoy</translation>
    </message>
    <message>
        <source>Station {n} of {count}</source>
        <translation>Estación {n} de {count}</translation>
    </message>
    <message>
        <source>Today's activity</source>
        <translation>Actividad de hoy</translation>
    </message>
    <message>
        <source>Seats and devices</source>
        <translation>Lugares y dispositivos</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloque</translation>
    </message>
    <message>
        <source>Group here</source>
        <translation>Grupo aquí</translation>
    </message>
    <message>
        <source>{dash} no group</source>
        <translation>{dash} sin grupo</translation>
    </message>
    <message>
        <source>{n} blocks of {minutes} min</source>
        <translation>{n} bloques de {minutes} min</translation>
    </message>
    <message>
        <source>{n} blocks</source>
        <translation>{n} bloques</translation>
    </message>
    <message>
        <source>{minutes} min to switch between blocks</source>
        <translation>{minutes} min para cambiar entre bloques</translation>
    </message>
    <message>
        <source>+ {n} more lines of notes</source>
        <translation>+ {n} líneas más de notas</translation>
    </message>
    <message>
        <source>with an aide</source>
        <translation>con un asistente</translation>
    </message>
    <message>
        <source>Who is in each group</source>
        <translation>Quién está en cada grupo</translation>
    </message>
    <message>
        <source>The {what} could not be drawn in {folder}.</source>
        <translation>No se pudo dibujar el archivo de {what} en {folder}.</translation>
    </message>
    <message>
        <source>The {what} could not be finished.</source>
        <translation>No se pudo terminar el archivo de {what}.</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>la carpeta {folder} no existe</translation>
    </message>
    <message>
        <source>this computer does not let the app save in {folder}</source>
        <translation>esta computadora no permite que la aplicación guarde en {folder}</translation>
    </message>
    <message>
        <source>{path} is a folder</source>
        <translation>{path} es una carpeta</translation>
    </message>
    <message>
        <source>The {what} could not be saved: {reason}.</source>
        <translation>No se pudo guardar el archivo de {what}: {reason}.</translation>
    </message>
    <message>
        <source>Choose another place to save them.</source>
        <translation>Elige otro lugar para guardarlo.</translation>
    </message>
    <message>
        <source>The printer could not start printing the {what}.</source>
        <translation>La impresora no pudo empezar a imprimir {what}.</translation>
    </message>
    <message>
        <source>Print the {what}</source>
        <translation>Imprimir {what}</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>propuesto</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>asignado</translation>
    </message>
    <message>
        <source>signed up</source>
        <translation>inscrito</translation>
    </message>
    <message>
        <source>Flex seminars</source>
        <translation>Seminarios flexibles</translation>
    </message>
    <message>
        <source>Flex day</source>
        <translation>Día flexible</translation>
    </message>
    <message>
        <source>Seminars on the day</source>
        <translation>Seminarios del día</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>Asistió</translation>
    </message>
    <message>
        <source>Seminar message</source>
        <translation>Mensaje del seminario</translation>
    </message>
    <message>
        <source>New seminar…</source>
        <translation>Nuevo seminario…</translation>
    </message>
    <message>
        <source>Propose from mastery…</source>
        <translation>Proponer según el dominio…</translation>
    </message>
    <message>
        <source>Sign up a student…</source>
        <translation>Inscribir a un estudiante…</translation>
    </message>
    <message>
        <source>Remove from seminar</source>
        <translation>Quitar del seminario</translation>
    </message>
    <message>
        <source>{seated}/{capacity} seats</source>
        <translation>{seated}/{capacity} lugares</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>sin salón</translation>
    </message>
    <message>
        <source>came</source>
        <translation>asistió</translation>
    </message>
    <message>
        <source>Nobody below that level is free at that time.</source>
        <translation>Nadie por debajo de ese nivel está libre a esa hora.</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>Inscribir</translation>
    </message>
    <message>
        <source>Student:</source>
        <translation>Estudiante:</translation>
    </message>
    <message>
        <source>New seminar</source>
        <translation>Nuevo seminario</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salón</translation>
    </message>
    <message>
        <source>below mastery</source>
        <translation>por debajo del dominio</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Inicio:</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Salón:</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Lugares:</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>Sobre:</translation>
    </message>
    <message>
        <source>Propose students below:</source>
        <translation>Proponer estudiantes por debajo de:</translation>
    </message>
    <message>
        <source>Proposed from mastery</source>
        <translation>Propuestos según el dominio</translation>
    </message>
    <message>
        <source>Proposed students</source>
        <translation>Estudiantes propuestos</translation>
    </message>
    <message>
        <source>level {score}</source>
        <translation>nivel {score}</translation>
    </message>
    <message>
        <source>Assign the ticked</source>
        <translation>Asignar los marcados</translation>
    </message>
    <message>
        <source>Lowest first. Untick anyone who should not come.</source>
        <translation>Los más bajos primero. Desmarca a quien no deba venir.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Every 3 minutes, when online</source>
        <translation>Cada 3 minutos, con conexión</translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation>Cada 15 minutos</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Cada hora</translation>
    </message>
    <message>
        <source>Only when I choose Sync now</source>
        <translation>Solo cuando elijo Sincronizar ahora</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Cada día</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <source>Only when I choose Back up now</source>
        <translation>Solo cuando elijo Hacer copia de seguridad ahora</translation>
    </message>
    <message>
        <source>Settle two versions</source>
        <translation>Resolver dos versiones</translation>
    </message>
    <message>
        <source>Settle sync conflicts</source>
        <translation>Resolver conflictos de sincronización</translation>
    </message>
    <message>
        <source>Notes with two versions</source>
        <translation>Notas con dos versiones</translation>
    </message>
    <message>
        <source>Stands now</source>
        <translation>Vigente ahora</translation>
    </message>
    <message>
        <source>The version that stands</source>
        <translation>La versión vigente</translation>
    </message>
    <message>
        <source>The other version</source>
        <translation>La otra versión</translation>
    </message>
    <message>
        <source>Your merge</source>
        <translation>Tu combinación</translation>
    </message>
    <message>
        <source>Write the note as it should be, from both versions.</source>
        <translation>Escribe la nota como debe quedar, a partir de ambas versiones.</translation>
    </message>
    <message>
        <source>Keep &amp;this version</source>
        <translation>Conservar &amp;esta versión</translation>
    </message>
    <message>
        <source>Keep the &amp;other version</source>
        <translation>Conservar la &amp;otra versión</translation>
    </message>
    <message>
        <source>Save the &amp;merge</source>
        <translation>&amp;Guardar la combinación</translation>
    </message>
    <message>
        <source>Or merge them:</source>
        <translation>O combínalas:</translation>
    </message>
    <message>
        <source>Changes the district refused</source>
        <translation>Cambios que rechazó el distrito</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>&amp;Send again at the next sync</source>
        <translation>&amp;Volver a enviar en la próxima sincronización</translation>
    </message>
    <message>
        <source>&amp;Dismiss (keep this laptop's version)</source>
        <translation>&amp;Descartar (conservar la versión de este equipo)</translation>
    </message>
    <message>
        <source>Queued again: {what} for {student}.</source>
        <translation>En cola de nuevo: {what} de {student}.</translation>
    </message>
    <message>
        <source>Queued again: {what}.</source>
        <translation>En cola de nuevo: {what}.</translation>
    </message>
    <message>
        <source>Dismissed: {what} for {student}.</source>
        <translation>Descartado: {what} de {student}.</translation>
    </message>
    <message>
        <source>Dismissed: {what}.</source>
        <translation>Descartado: {what}.</translation>
    </message>
    <message>
        <source>Two versions</source>
        <translation>Dos versiones</translation>
    </message>
    <message>
        <source>Refused by the district</source>
        <translation>Rechazados por el distrito</translation>
    </message>
    <message>
        <source>{n} note was changed on two devices that had not seen each other's change.</source>
        <translation>{n} nota se cambió en dos dispositivos que no habían visto el cambio del otro.</translation>
    </message>
    <message>
        <source>{n} notes were changed on two devices that had not seen each other's change.</source>
        <translation>{n} notas se cambiaron en dos dispositivos que no habían visto el cambio del otro.</translation>
    </message>
    <message>
        <source>The newer version stands and the other is kept here: keep one, or write a merge. Your choice syncs like any edit.</source>
        <translation>La versión más reciente queda vigente y la otra se guarda aquí: conserva una o escribe una combinación. Tu elección se sincroniza como cualquier cambio.</translation>
    </message>
    <message>
        <source>Nothing to settle: every note has one version.</source>
        <translation>Nada que resolver: cada nota tiene una sola versión.</translation>
    </message>
    <message>
        <source>The other version was written {when}.</source>
        <translation>La otra versión se escribió {when}.</translation>
    </message>
    <message>
        <source>The district refused {n} change from this laptop (the reason is beside each).</source>
        <translation>El distrito rechazó {n} cambio de este equipo (el motivo está al lado de cada uno).</translation>
    </message>
    <message>
        <source>The district refused {n} changes from this laptop (the reason is beside each).</source>
        <translation>El distrito rechazó {n} cambios de este equipo (el motivo está al lado de cada uno).</translation>
    </message>
    <message>
        <source>They are kept here, not sent again by themselves: send one again once the district has fixed the reason, or dismiss it.</source>
        <translation>Se guardan aquí y no se vuelven a enviar solos: vuelve a enviar uno cuando el distrito haya corregido el motivo, o descártalo.</translation>
    </message>
    <message>
        <source>The district has refused nothing from this laptop.</source>
        <translation>El distrito no ha rechazado nada de este equipo.</translation>
    </message>
    <message>
        <source>Two versions ({n})</source>
        <translation>Dos versiones ({n})</translation>
    </message>
    <message>
        <source>Refused by the district ({n})</source>
        <translation>Rechazados por el distrito ({n})</translation>
    </message>
    <message>
        <source>Pick a refused change first.</source>
        <translation>Elige primero un cambio rechazado.</translation>
    </message>
    <message>
        <source>Settled: {what} for {student}. Edit &gt; Undo takes it back.</source>
        <translation>Resuelto: {what} de {student}. Editar &gt; Deshacer lo revierte.</translation>
    </message>
    <message>
        <source>Settled: {what} for no student. Edit &gt; Undo takes it back.</source>
        <translation>Resuelto: {what}, sin estudiante. Editar &gt; Deshacer lo revierte.</translation>
    </message>
    <message>
        <source>The other version, written {when}</source>
        <translation>La otra versión, escrita {when}</translation>
    </message>
    <message>
        <source>on this laptop, {when}</source>
        <translation>en este equipo, {when}</translation>
    </message>
    <message>
        <source>on another device, {when}</source>
        <translation>en otro dispositivo, {when}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>Última sincronización: {when}</translation>
    </message>
    <message>
        <source>{n} to send</source>
        <translation>{n} por enviar</translation>
    </message>
    <message>
        <source>{n} refused</source>
        <translation>rechazados: {n}</translation>
    </message>
    <message>
        <source>{n} to settle (two versions kept)</source>
        <translation>{n} por resolver (dos versiones guardadas)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Offline · not connected to a district server</source>
        <translation>Sin conexión · no conectado a un servidor del distrito</translation>
    </message>
    <message>
        <source>Export sync bundle</source>
        <translation>Exportar paquete de sincronización</translation>
    </message>
    <message>
        <source>Sync bundles (*.plcbundle)</source>
        <translation>Paquetes de sincronización (*.plcbundle)</translation>
    </message>
    <message>
        <source>Wrote {name}: {n} changes.</source>
        <translation>Se escribió {name}: cambios: {n}.</translation>
    </message>
    <message>
        <source>Take it to the district; they import it and give you a return bundle (File &gt; Import return bundle).</source>
        <translation>Llévalo al distrito; allí lo importan y te dan un paquete de retorno (Archivo &gt; Importar paquete de retorno).</translation>
    </message>
    <message>
        <source>Writing the sync bundle…</source>
        <translation>Escribiendo el paquete de sincronización…</translation>
    </message>
    <message>
        <source>Import return bundle</source>
        <translation>Importar paquete de retorno</translation>
    </message>
    <message>
        <source>Imported {name}: {pushed} of this laptop's changes are at the district, {pulled} received, {rejected} refused.</source>
        <translation>Se importó {name}: {pushed} cambios de este equipo están en el distrito, {pulled} recibidos, {rejected} rechazados.</translation>
    </message>
    <message>
        <source>Imported {name}: {pushed} of this laptop's changes are at the district, {pulled} received.</source>
        <translation>Se importó {name}: {pushed} cambios de este equipo están en el distrito, {pulled} recibidos.</translation>
    </message>
    <message>
        <source>It was a fresh copy of this laptop's data: it had been away a long time.</source>
        <translation>Era una copia nueva de los datos de este equipo: había estado desconectado mucho tiempo.</translation>
    </message>
    <message>
        <source>Importing the return bundle…</source>
        <translation>Importando el paquete de retorno…</translation>
    </message>
    <message>
        <source>Stopped: {error}. Nothing was lost.</source>
        <translation>Se detuvo: {error}. No se perdió nada.</translation>
    </message>
    <message>
        <source>This laptop is not connected to that server yet: File &gt; Connect to district server, with a one-time code from your district.</source>
        <translation>Este equipo aún no está conectado a ese servidor: Archivo &gt; Conectar al servidor del distrito, con un código de un solo uso de tu distrito.</translation>
    </message>
    <message>
        <source>Connected to the district server. Sync now sends and fetches changes.</source>
        <translation>Conectado al servidor del distrito. Sincronizar ahora envía y trae los cambios.</translation>
    </message>
    <message>
        <source>Could not connect: {error}.</source>
        <translation>No se pudo conectar: {error}.</translation>
    </message>
    <message>
        <source>Connect to the district server first (File &gt; Connect to district server).</source>
        <translation>Conéctate primero al servidor del distrito (Archivo &gt; Conectar al servidor del distrito).</translation>
    </message>
    <message>
        <source>Synced: {sent} sent, {received} received, {refused} refused by the district</source>
        <translation>Sincronizado: {sent} enviados, {received} recibidos, {refused} rechazados por el distrito</translation>
    </message>
    <message>
        <source>Synced: {sent} sent, {received} received</source>
        <translation>Sincronizado: {sent} enviados, {received} recibidos</translation>
    </message>
    <message>
        <source>({kb} KB, {seconds} s)</source>
        <translation>({kb} KB, {seconds} s)</translation>
    </message>
    <message>
        <source>verified: this laptop and the district agree ({n} rows put right)</source>
        <translation>verificado: este equipo y el distrito coinciden (filas corregidas: {n})</translation>
    </message>
    <message>
        <source>verified: this laptop and the district agree</source>
        <translation>verificado: este equipo y el distrito coinciden</translation>
    </message>
    <message>
        <source>This laptop was away a long time, so it took a fresh copy of its data (its own work was sent first).</source>
        <translation>Este equipo estuvo desconectado mucho tiempo, así que tomó una copia nueva de sus datos (primero se envió su propio trabajo).</translation>
    </message>
    <message>
        <source>Sync stopped: {error}. Nothing sent is lost.</source>
        <translation>La sincronización se detuvo: {error}. No se perdió nada de lo enviado.</translation>
    </message>
    <message>
        <source>Syncing with the district…</source>
        <translation>Sincronizando con el distrito…</translation>
    </message>
    <message>
        <source>Sync report</source>
        <translation>Informe de sincronización</translation>
    </message>
    <message>
        <source>Last sync this session: {sent} changes sent, {received} received, {refused} refused, {replaced} replaced by a newer edit from another device; {kb} KB in {requests} request, {seconds} s.</source>
        <translation>Última sincronización de esta sesión: {sent} cambios enviados, {received} recibidos, {refused} rechazados, {replaced} reemplazados por un cambio más reciente de otro dispositivo; {kb} KB en {requests} solicitud, {seconds} s.</translation>
    </message>
    <message>
        <source>Last sync this session: {sent} changes sent, {received} received, {refused} refused, {replaced} replaced by a newer edit from another device; {kb} KB in {requests} requests, {seconds} s.</source>
        <translation>Última sincronización de esta sesión: {sent} cambios enviados, {received} recibidos, {refused} rechazados, {replaced} reemplazados por un cambio más reciente de otro dispositivo; {kb} KB en {requests} solicitudes, {seconds} s.</translation>
    </message>
    <message>
        <source>Verified: this laptop and the district agree, row for row ({n} rows were put right).</source>
        <translation>Verificado: este equipo y el distrito coinciden, fila por fila (filas corregidas: {n}).</translation>
    </message>
    <message>
        <source>Verified: this laptop and the district agree, row for row.</source>
        <translation>Verificado: este equipo y el distrito coinciden, fila por fila.</translation>
    </message>
    <message>
        <source>Refused by the district ({n}): kept here, not sent again.</source>
        <translation>Rechazados por el distrito ({n}): se guardan aquí y no se vuelven a enviar.</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Cambios rechazados</translation>
    </message>
    <message>
        <source>Two versions kept ({n}): the newer stands; the other is here.</source>
        <translation>Dos versiones guardadas ({n}): la más reciente queda vigente; la otra está aquí.</translation>
    </message>
    <message>
        <source>Two versions kept</source>
        <translation>Dos versiones guardadas</translation>
    </message>
    <message>
        <source>Stands</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Also written</source>
        <translation>También escrito</translation>
    </message>
    <message>
        <source>Connect to the district server</source>
        <translation>Conectar al servidor del distrito</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Código de inscripción</translation>
    </message>
    <message>
        <source>Your district's IT admin gives you the address and a one-time code.</source>
        <translation>El administrador de TI de tu distrito te da la dirección y un código de un solo uso.</translation>
    </message>
    <message>
        <source>One-time code:</source>
        <translation>Código de un solo uso:</translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation>Editar meta</translation>
    </message>
    <message>
        <source>Edit accommodation</source>
        <translation>Editar adecuación</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>behind pace</source>
        <translation>atrasado</translation>
    </message>
    <message>
        <source>no recent evidence</source>
        <translation>sin evidencias recientes</translation>
    </message>
    <message>
        <source>mastery falling</source>
        <translation>dominio en descenso</translation>
    </message>
    <message>
        <source>follow-up overdue</source>
        <translation>seguimiento vencido</translation>
    </message>
    <message>
        <source>not met by the advisor</source>
        <translation>sin reunión con el tutor</translation>
    </message>
    <message>
        <source>ready to move up</source>
        <translation>listo para avanzar</translation>
    </message>
    <message>
        <source>{subject}: {done} of {total} must-do activities done; about {expected} expected by today (due {due}; the rule allows {margin} % behind).</source>
        <translation>{subject}: {done} de {total} actividades obligatorias hechas; se esperaban unas {expected} para hoy (fecha límite {due}; la regla permite un {margin} % de atraso).</translation>
    </message>
    <message>
        <source>{subject}: no evidence for {days} days, since {date}; the class has recent evidence on it (the rule: {n} days).</source>
        <translation>{subject}: sin evidencias desde hace {days} días, desde el {date}; la clase tiene evidencias recientes de ella (la regla: {n} días).</translation>
    </message>
    <message>
        <source>{subject}: no evidence yet, while the class has some from the last {n} days.</source>
        <translation>{subject}: todavía sin evidencias, mientras que la clase tiene algunas de los últimos {n} días.</translation>
    </message>
    <message>
        <source>{subject}: the last {k} scores went {scores}, down {drop} (the rule: down {d} or more).</source>
        <translation>{subject}: las últimas {k} puntuaciones fueron {scores}, una baja de {drop} (la regla: una baja de {d} o más).</translation>
    </message>
    <message>
        <source>The follow-up of the conference of {held} was due {due}, and there has been none since.</source>
        <translation>El seguimiento de la conferencia del {held} vencía el {due}, y desde entonces no ha habido ninguna.</translation>
    </message>
    <message>
        <source>Next step “{subject}” was due {due} and is not done.</source>
        <translation>El próximo paso «{subject}» vencía el {due} y no está hecho.</translation>
    </message>
    <message>
        <source>Not met by the advisor for {days} days, since {date} (the rule: {n} days).</source>
        <translation>Sin reunión con el tutor desde hace {days} días, desde el {date} (la regla: {n} días).</translation>
    </message>
    <message>
        <source>Never met by the advisor in a conference on this laptop.</source>
        <translation>Nunca tuvo una conferencia con el tutor registrada en esta computadora.</translation>
    </message>
    <message>
        <source>{subject}: the last {k} scores are all at mastery or above: {scores} (mastery: {score}).</source>
        <translation>{subject}: las últimas {k} puntuaciones están todas en el dominio o por encima: {scores} (dominio: {score}).</translation>
    </message>
    <message>
        <source>no new evidence</source>
        <translation>sin evidencias nuevas</translation>
    </message>
    <message>
        <source>1 piece of evidence, {mean}</source>
        <translation>1 evidencia, {mean}</translation>
    </message>
    <message>
        <source>{n} pieces of evidence, mean {mean}</source>
        <translation>{n} evidencias, promedio {mean}</translation>
    </message>
    <message>
        <source>New concerns: {n} student</source>
        <translation>Nuevas preocupaciones: {n} estudiante</translation>
    </message>
    <message>
        <source>New concerns: {n} students</source>
        <translation>Nuevas preocupaciones: {n} estudiantes</translation>
    </message>
    <message>
        <source>Concerns: {n} student flagged</source>
        <translation>Preocupaciones: {n} estudiante señalado</translation>
    </message>
    <message>
        <source>Concerns: {n} students flagged</source>
        <translation>Preocupaciones: {n} estudiantes señalados</translation>
    </message>
    <message>
        <source>Overdue: {n} action</source>
        <translation>Vencidas: {n} acción</translation>
    </message>
    <message>
        <source>Overdue: {n} actions</source>
        <translation>Vencidas: {n} acciones</translation>
    </message>
    <message>
        <source>No longer flagged: {n}</source>
        <translation>Ya no señalados: {n}</translation>
    </message>
    <message>
        <source>Ready to move up: {n} student</source>
        <translation>Listos para avanzar: {n} estudiante</translation>
    </message>
    <message>
        <source>Ready to move up: {n} students</source>
        <translation>Listos para avanzar: {n} estudiantes</translation>
    </message>
    <message>
        <source>Review the open action</source>
        <translation>Revisar la acción abierta</translation>
    </message>
    <message>
        <source>Review the {n} open actions</source>
        <translation>Revisar las {n} acciones abiertas</translation>
    </message>
    <message>
        <source>Agree actions: who does what by when</source>
        <translation>Acordar acciones: quién hace qué y para cuándo</translation>
    </message>
    <message>
        <source>Early-warning rules — {school}</source>
        <translation>Reglas de alerta temprana — {school}</translation>
    </message>
    <message>
        <source>Behind pace: how far behind the expected progress</source>
        <translation>Atrasado: cuánto por detrás del avance esperado</translation>
    </message>
    <message>
        <source>No recent evidence: days without evidence</source>
        <translation>Sin evidencias recientes: días sin evidencias</translation>
    </message>
    <message>
        <source>Share of the class with recent evidence on a competency</source>
        <translation>Parte de la clase con evidencias recientes en una competencia</translation>
    </message>
    <message>
        <source>Mastery falling: how many of the newest scores</source>
        <translation>Dominio en descenso: cuántas de las puntuaciones más recientes</translation>
    </message>
    <message>
        <source>Mastery falling: by how much</source>
        <translation>Dominio en descenso: cuánto baja</translation>
    </message>
    <message>
        <source>Follow-up overdue: days of grace</source>
        <translation>Seguimiento vencido: días de gracia</translation>
    </message>
    <message>
        <source>Not met by the advisor: days</source>
        <translation>Sin reunión con el tutor: días</translation>
    </message>
    <message>
        <source>Ready to move up: the mastery score</source>
        <translation>Listo para avanzar: la puntuación de dominio</translation>
    </message>
    <message>
        <source>A student is flagged when…</source>
        <translation>Un estudiante queda señalado cuando…</translation>
    </message>
    <message>
        <source>behind a playlist's expected progress by more than:</source>
        <translation>va por detrás del avance esperado de una lista de actividades en más de:</translation>
    </message>
    <message>
        <source>no evidence on a competency the class is assessing for more than:</source>
        <translation>no tiene evidencias en una competencia que la clase está evaluando desde hace más de:</translation>
    </message>
    <message>
        <source>…a competency counts as being assessed when this share has recent evidence:</source>
        <translation>…una competencia cuenta como evaluada cuando esta parte de la clase tiene evidencias recientes:</translation>
    </message>
    <message>
        <source>the newest scores on a competency (how many):</source>
        <translation>las puntuaciones más recientes en una competencia (cuántas):</translation>
    </message>
    <message>
        <source>…fall by at least:</source>
        <translation>…bajan al menos:</translation>
    </message>
    <message>
        <source>a next step or follow-up is overdue by more than:</source>
        <translation>un próximo paso o seguimiento lleva vencido más de:</translation>
    </message>
    <message>
        <source>the advisor has not met them for more than:</source>
        <translation>el tutor no se ha reunido con él desde hace más de:</translation>
    </message>
    <message>
        <source>ready to move up: those newest scores are all at least:</source>
        <translation>listo para avanzar: esas puntuaciones más recientes son todas al menos:</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
</TS>
