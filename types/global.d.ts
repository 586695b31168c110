/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.scss'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    /** API origin, from .env.* files (TARO_APP_ prefix is injected by Taro at build time). */
    TARO_APP_API?: string
    TARO_APP_ID?: string
  }
}
