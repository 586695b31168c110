// What Taro's webpack would inject into an H5 build.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.TARO_APP_API = process.env.TARO_APP_API ?? ''
