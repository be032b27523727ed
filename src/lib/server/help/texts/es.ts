import type { THelpText } from '../help.text';

/** Spanish: a translation of the bokmål and English texts, not yet checked by a native speaker. */
export const es: THelpText = {
  pageTitle: 'Información útil',
  heading: 'Ayuda y tus derechos en Noruega',
  intro:
    'Esta página es para ti si quizá te están explotando en el trabajo o de otra forma. Puedes recibir ayuda. La ayuda es gratuita.',
  signsHeading: 'Señales de que quizá te están explotando',
  signsIntro: '¿Te pasa algo de esto?',
  signPapers: 'Otra persona guarda tu pasaporte o tus documentos.',
  signDebt: 'Tienes una deuda que no puedes pagar.',
  signFreedom: 'No puedes irte, viajar ni decir que no a un trabajo.',
  signThreats: 'Te amenazan a ti o a tu familia.',
  signPay: 'Otra persona se queda con tu sueldo.',
  signHousing: 'Vives donde trabajas y no puedes mudarte.',
  signsOutro:
    'Entonces quizá eres víctima de trata de personas o de trabajo forzoso. Es un delito en Noruega. No es tu culpa.',
  contactsHeading: 'Cómo recibir ayuda',
  contactEmergency: '¿Estás en peligro ahora? Llama al número de emergencias.',
  contactRosa:
    'ROSA ayuda a las víctimas de la trata de personas. El teléfono está abierto día y noche. Puedes llamar tú mismo.',
  contactPolice: 'La policía, cuando no es urgente. Puedes pedir consejo o denunciar.',
  contactLabour:
    'Arbeidstilsynet (Inspección de Trabajo): sueldo y condiciones de trabajo. Puedes avisar sin decir quién eres.',
  contactShelter:
    'ROSA puede darte un lugar seguro para vivir en un centro de crisis. Es para personas mayores de {age} años. El Ejército de Salvación también tiene una casa segura para hombres mayores de {age} años.',
  reflectionHeading: 'Puedes recibir permiso para quedarte en Noruega un tiempo',
  reflectionText:
    'Si hay señales de que eres víctima de trata, puedes recibir un periodo de reflexión (refleksjonsperiode). Es un permiso para vivir y trabajar en Noruega durante {months} meses. No tienes que denunciar a nadie para recibirlo.',
  reflectionApply:
    'Lo solicitas en la policía del lugar donde vives y tienes que ir en persona. Decide la UDI (la dirección de inmigración). No te envían fuera del país mientras dura el periodo.',
  reflectionLimits:
    'El permiso no se puede renovar y no da derecho a quedarse en Noruega para siempre. Solo es válido en Noruega.',
  lawyerHeading: 'Tienes derecho a un abogado',
  lawyerBefore:
    'Antes de decidir si denuncias, puedes recibir al menos {hours} horas de asesoría jurídica gratuita. Puedes pedir más.',
  lawyerAfter: 'Si denuncias, tienes un abogado gratuito (bistandsadvokat) durante todo el caso. Paga el Estado.',
  healthHeading: 'Atención sanitaria',
  healthText:
    'Todas las personas tienen derecho a atención de urgencia y a la atención que no puede esperar. Sin residencia legal, otra atención sanitaria suele ser difícil de conseguir. En la práctica, esto también pasa a muchas personas en el periodo de reflexión.',
  happensHeading: '¿Qué pasa cuando te pones en contacto?',
  happensText:
    'ROSA te escucha y te explica lo que puedes hacer. Tú decides si quieres denunciar. Puedes recibir ayuda con la vivienda, un abogado y la salud.',
  happensNotGuaranteed:
    'Con sinceridad: nadie puede prometerte que podrás quedarte en Noruega. Quienes explotan a otros dicen que te expulsarán si pides ayuda. Lee arriba cuáles son tus derechos y pregunta a ROSA o a un abogado.',
  safetyHeading: 'Seguridad en internet',
  safetyHistory:
    '¿Otras personas usan tu teléfono? Borra el historial del navegador: abre el menú, elige «Historial» y luego «Borrar datos de navegación». O usa una ventana privada.',
  safetyQuickExit: 'El botón «Salir» de arriba cierra esta página y abre el pronóstico del tiempo.',
  quickExit: 'Salir',
  quickExitHint: 'Cierra esta página al instante y abre el pronóstico del tiempo.',
  sources: 'Fuentes',
  otherLanguages: 'Otros idiomas',
  statusSource: 'Texto original, escrito a partir de las fuentes.',
  statusUnreviewed: 'Traducido. Aún no revisado por un hablante nativo.',
  statusNeedsReview:
    'Traducido. El texto original ha cambiado desde la última revisión, así que hay que revisar la traducción de nuevo.',
  statusReviewed: 'Traducido y revisado por un hablante nativo ({name}, {date}).',
  updated: 'Última actualización: {date}.',
  cardHeading: '¿Necesitas ayuda?',
  cardEmergency: 'Peligro ahora',
  cardRosa: 'ROSA, día y noche',
  cardPolice: 'Policía',
  cardScan: 'Escanea el código para leer más en tu idioma.',
  cardLink: 'Tarjeta para imprimir',
  cardPrintHint: 'Imprime en A4: diez tarjetas del tamaño de una cartera en cada hoja.',
  cardPrint: 'Imprimir'
};
